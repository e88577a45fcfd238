"""The clerk's desk: the report as a web page with its wrong cells marked (`--format html`), and
`disclosure-lint serve`, a page on this machine where a published report is dropped and checked."""
