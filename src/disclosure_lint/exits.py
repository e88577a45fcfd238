"""The exit statuses every command shares, in a module of their own so that `--help` and
`--version` need not import the result types to know them."""

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
