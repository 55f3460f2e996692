"""Demo annual reports for the demo shop owner's two businesses."""

from __future__ import annotations

from datetime import date

from getitong.accounts.models import Person, PersonBusiness
from getitong.annual.models import AnnualReport, ReportStatus
from getitong.core.deps import Deps


async def seed(deps: Deps) -> None:
    from getitong.demo import DEMO_OWNER

    person = await Person.get_or_none(phone_index=deps.cipher.blind_index(DEMO_OWNER["phone"]))
    if person is None:
        return
    links = await PersonBusiness.filter(person_id=person.id).order_by("id").prefetch_related("business")
    for n, link in enumerate(links):
        b = link.business
        rows = [(2023, ReportStatus.REPORTED, date(2024, 4, 12)), (2024, ReportStatus.REPORTED, date(2025, 3, 28))]
        # The first business filed 2025 on time; the second has not filed it yet (shown as 未报送).
        rows.append((2025, ReportStatus.REPORTED, date(2026, 3, 18)) if n == 0 else (2025, ReportStatus.MISSING, None))
        for year, status, on in rows:
            await AnnualReport.get_or_create(business_id=b.id, year=year,
                                             defaults={"org_id": b.org_id, "status": status, "reported_on": on,
                                                       "source": "imported"})
