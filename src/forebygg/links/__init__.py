"""Links in pages and the menu: MkDocs' messages with a line and a fix; links to the other language."""
