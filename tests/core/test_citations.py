"""A method's citation is a reference (authors and year, title, venue or link), shown as written in every language:
prose in it ("The analogy of Kazemnejad 2019, ...") stayed English in the Chinese interface."""

import re

from posenc_gui.core import registry

# authors (capitalised names, "et al.", "and") and the year, as every work a citation names begins
AUTHORS_AND_YEAR = re.compile(r"[A-Z][\w\-]*(?:,? (?:[A-Z][\w\-]*|et al\.|and))* (?:19|20)\d\d, ")


def test_every_citation_begins_with_its_authors_and_year():
    assert [method.name for method in registry.all_methods() if not AUTHORS_AND_YEAR.match(method.citation)] == []
