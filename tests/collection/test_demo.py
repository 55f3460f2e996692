from getitong import demo
from getitong.collection.models import CollectionImport, CollectionRecord
from getitong.collection.workflow import JobStatus, MatchState
from getitong.risk.models import Penalty
from tests.api.conftest import login_staff


async def test_demo_clerk_has_records_problem_data_and_a_finished_import(client, deps):
    assert await demo.seed(deps, businesses=30)
    token = await login_staff(client, "xlgj", "Staff@2026")
    r = await client.get("/api/v1/admin/collection/records", token=token, params={"match_state": "unmatched"})
    assert r.status == 200, r
    assert len(r.data["items"]) == 2
    assert await CollectionRecord.filter(match_state=MatchState.MATCHED).count() == 7
    [job] = await CollectionImport.all()
    assert (job.status, job.matched, job.failed) == (JobStatus.DONE, 2, 1)
    assert await Penalty.filter(doc_no="黄下市监罚〔2026〕7号").exists()
    await demo.seed(deps, businesses=30)  # idempotent
    assert await CollectionRecord.all().count() == 9
