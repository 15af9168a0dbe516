"""Readers: fill the view records of `reckon.publish.views` from the features' stores.

``evidence``  sources, their grades, hashes and custody records (the evidence issue)
"""
