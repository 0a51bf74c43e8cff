"""Start briefer: `python main.py [--store PATH]`."""

from briefer.app import main

if __name__ == "__main__":
    raise SystemExit(main())
