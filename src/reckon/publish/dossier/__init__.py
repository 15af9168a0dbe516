"""Case files for lawyers and prosecutors: one person or one event, every claim and its evidence.

``model``   the `Dossier`: what a case file holds, built from view records
``labels``  the words of a case file in English and Persian
``html``    the case file as HTML (left-to-right or right-to-left)
``pdf``     the PDF, rendered by WeasyPrint (the ``pdf`` extra)
"""
