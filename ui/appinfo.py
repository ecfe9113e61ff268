"""What the app says about itself outside its window: its menu entry and its page in a software centre.

The texts of ``packaging/bijverdienplanner.desktop.in`` (the desktop entry)
and ``packaging/bijverdienplanner.metainfo.xml.in`` (AppStream) are marked
here, so they are extracted into our gettext catalog with every other text
and translated there. ``packaging/build`` merges the translations into those
files with ``msgfmt --desktop`` and ``msgfmt --xml``, which look each English
text up as a msgid: the texts here and in the templates must be the same
(tests/test_packaging.py checks it). Imports no Qt.
"""

from __future__ import annotations

from planner.i18n import N_

#: The AppStream component id, also the name of the desktop file and the icon.
APP_ID = "nl.bijverdienplanner.Bijverdienplanner"

# TRANSLATORS: desktop menu entry, the "generic name" shown under or beside the app's name.
GENERIC_NAME = N_("Planner for work next to bijstand")
# TRANSLATORS: desktop menu entry, the tooltip of the app's icon.
COMMENT = N_("See what extra work does to your bijstand, month by month")
# TRANSLATORS: desktop menu entry: search words for the app, separated by semicolons, ending with a semicolon.
# Not a sentence; keep "bijstand", "bijverdienpremie" and "Participatiewet" as they are.
KEYWORDS = N_("bijstand;benefit;flex work;shifts;bijverdienpremie;Participatiewet;budget;")

# TRANSLATORS: software centre: one short line under the app's name.
SUMMARY = N_("Plan extra work next to bijstand")
#: Software centre: the paragraphs of the description.
DESCRIPTION = (
    N_(
        "Bijverdienplanner shows people on bijstand what a month brings in when they take flex or part-time "
        "work: wages, benefit and the bijverdienpremie of Amsterdam."
    ),
    N_(
        "It shows when each payment comes in, what the municipality takes back later and when, and how much "
        "to set aside now. Every amount is explained in plain words, with the rule and its source."
    ),
    N_(
        "For people on bijstand, for neighbourhood volunteers who help them and for caseworkers. It works "
        "without the internet and keeps plans on this computer. In Dutch and English."
    ),
)
#: Software centre: the screenshots (``docs/screenshots/<name>-<lang>.png``) and their captions.
SCREENSHOTS = (
    ("main", N_("The months as cards, with the explanation of the bijstand")),
    ("calendar", N_("Shifts in a calendar")),
    ("chart-daily", N_("Your balance, day by day")),
)

__all__ = ["APP_ID", "COMMENT", "DESCRIPTION", "GENERIC_NAME", "KEYWORDS", "SCREENSHOTS", "SUMMARY"]
