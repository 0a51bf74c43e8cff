"""`python -m briefer` runs the command-line interface."""

from briefer.cli import main

raise SystemExit(main())
