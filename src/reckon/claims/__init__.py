"""Claims: who did what to whom, according to whom.

``protect``        sealing names and person↔confidential-source links with the data key
``persons``        named persons and places, found again by a spelling-insensitive key
``coding``         storing proposals from a source's text; accept, reject, edit, grade
``records``        reading claims back (with what the reader may see)
``corroboration``  support by independent chains, and conflicts
``events``         events and involvements built from accepted claims
``witnesses``      who testified or submitted information, sealed
``person``         everything known about one person, with its sources
``identity``       named persons (N) linked to list persons (P); ``person_refs_for``
"""
