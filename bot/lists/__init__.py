"""Markdown paper lists: entries read into fields and a layout, shared by loader and editor.

One mechanism for every shape a maintainer writes a list in (bullets, numbered
items, bold paragraphs with sub-bullets, headings with link bullets, Markdown
pipe tables and HTML ``<table>`` rows):

- ``blocks`` finds where the entries are (each entry is a block of lines in a
  *container*: one list, one table, one run of paragraphs) and their sections;
- ``entry`` reads one block into ``Fields`` (title, authors, venue, year, date,
  links by label, nickname, tags, free text) and a ``Layout``: the block's own
  text with each field replaced by a slot;
- ``layout`` chooses the neighbours' majority layout for new fields and fills
  its slots in the forms the neighbours use (``values`` reads and writes those
  forms: dates, author lists, venue and year);
- ``order`` tells how a container is ordered (by date, by title, appended or
  prepended), so that a new entry goes where the maintainer would put it;
- ``papers`` tells paper-like links from repositories and home pages, so that
  tools and projects in a list are not taken for references.

The reference loader (``bot.references.markdown``) and the paper-list editor
(``bot.editors.paper_list``) both read entries through here, so an entry the
loader reads is one the editor can write again in the same layout.
"""
