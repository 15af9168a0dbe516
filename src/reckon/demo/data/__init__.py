"""The fictional demo case: ground truth, victim lists, documents and their manifest."""
