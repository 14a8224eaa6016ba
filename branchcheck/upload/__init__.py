"""What goes to head office: upload packages (package.py) and detached CMS signatures over files
(cms.py) that tools nobody here wrote check: `openssl cms -verify`."""
