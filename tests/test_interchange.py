"""The STIX 2.1 and FollowTheMoney exports (issue 18) on the seeds, read back by their own
libraries: stix2.parse and the OASIS STIX validator; followthemoney's model."""

import json
from collections import Counter

from tests.conftest import run_kg


def test_the_stix_bundle_parses_and_passes_the_validator(seeded_home, tmp_path):
    import stix2
    from stix2validator import ValidationOptions, validate_string

    path = tmp_path / "seeds.stix.json"
    run_kg(seeded_home, "export", "--format", "stix", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    bundle = stix2.parse(text, allow_custom=True)
    kinds = Counter(o.type for o in bundle.objects)
    assert kinds["report"] == 3 and kinds["identity"] > 10 and kinds["location"] > 5 and kinds["relationship"] > 10
    result = validate_string(text, ValidationOptions())
    assert result.is_valid, [str(e) for e in result.errors][:5]
    putin = next(o for o in bundle.objects if o.type == "identity" and o.name == "Vladimir Putin")
    refs = {r for o in bundle.objects if o.type == "report" for r in o.object_refs}
    assert putin.id in refs  # reports point at what they support
    assert run_kg(seeded_home, "export", "--format", "stix", "-o", "-").stdout == text  # the same bundle again


def test_the_ftm_entities_are_valid_followthemoney(seeded_home, tmp_path):
    from followthemoney import model

    path = tmp_path / "seeds.ftm.jsonl"
    run_kg(seeded_home, "export", "--format", "ftm", "-o", str(path))
    proxies = [model.get_proxy(json.loads(line), cleaned=False) for line in path.read_text().splitlines()]
    schemas = Counter(p.schema.name for p in proxies)
    assert schemas["Person"] > 5 and schemas["Contract"] >= 3 and schemas["Membership"] > 5, schemas
    ids = {p.id for p in proxies}
    for p in proxies:  # every link points at an entity of the export
        for prop in ("subject", "object", "member", "organization", "owner", "asset"):
            if prop in p.schema.properties:
                assert set(p.get(prop)) <= ids, (p.schema.name, prop)
    kim = next(p for p in proxies if p.schema.name == "Person" and "Kim Jong Un" in p.get("name"))
    assert kim.get("alias")
