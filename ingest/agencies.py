"""The news agencies the wire desk knows, read from `organizations/data/agencies.json`.

Loaded into the registry (as organizations of kind news agency) by
`python manage.py load_agencies`, which `load_demo` also runs, and with the international
bodies and people by `python manage.py load_registry`. Existing rows are kept; only missing
agencies are added and aliases new to the data file appended (see
`organizations.registry_data`). Each `AgencyFact` also carries the forms the agency signs
copy with, exactly as printed (`signs`: '/TASS/', '(AA)', 'REPORT.AZ').
"""

from __future__ import annotations

from organizations.registry_data import AGENCIES, load_agencies
from organizations.registry_data import OrganizationFact as AgencyFact

__all__ = ["AGENCIES", "AgencyFact", "load_agencies"]
