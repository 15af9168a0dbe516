"""Publication: what goes public, who decides, and everything the public may see.

``items``       what can be published and the facts the rules need about it
``rules``       the publication rules (pure functions: who may publish what)
``records``     publish, withdraw, correct (one transaction each, audited)
``withhold``    a family's requests: withhold a person, show a private field
``visibility``  the ONE place that says what is public (items and fields)
"""
