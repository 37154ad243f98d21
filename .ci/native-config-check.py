#!/usr/bin/env python3
"""Checks what `-Dnative -Dquarkus.native.sources-only=true` generated: the reflection and resource
configuration each service's native image would be built with. Run by .ci/native-checks.sh after the build.

A native image only keeps what is registered, so this checks the things the services read or write outside
Quarkus' view: wire types and their @JsonValue/@JsonCreator methods used by an ObjectMapper directly (collector spool,
archive outbox/index/replays, the loader's JSON columns and kept reports, the console's views of the stages' answers),
and resources read at run time (the KRX calendar files, Flyway migrations, the report and console templates)."""
import fnmatch
import glob
import json
import re
import sys
import zipfile

WIRE = "dev.marketpipe.wire."
ENUMS = [WIRE + n for n in ("DataType", "BarInterval", "SourceRole", "Severity", "QuarantineStatus")]
CALENDAR = ["dev/marketpipe/calendar/krx-holidays.txt", "dev/marketpipe/calendar/krx-special-sessions.txt"]

# service -> (types that must be fully reflective, resources that must be included)
EXPECTED = {
    "collector-service": (ENUMS + [WIRE + "CollectedBatch", WIRE + "Bar", WIRE + "BatchRecords", WIRE + "Tick",
                           "dev.marketpipe.collector.realtime.KisApprovalRestClient$ApprovalRequest"],
                          CALENDAR + ["db/collector/V1__collection_state.sql"]),
    "archive-service": (ENUMS + [WIRE + "CollectedBatch", "dev.marketpipe.archive.index.BatchMarker",
                                 "dev.marketpipe.archive.replay.ReplayStatus"], CALENDAR),
    "validator-service": (ENUMS + [WIRE + "CollectedBatch", WIRE + "ValidatedBatch"], CALENDAR),
    "loader-service": (ENUMS + [WIRE + "BookLevel", WIRE + "Bar", WIRE + "QualityIssue", WIRE + "Tick",
                                "dev.marketpipe.loader.report.DailyReport", "dev.marketpipe.loader.push.BarEvent"],
                       CALENDAR + ["db/migration/V1__market_tables.sql", "db/migration/V11__bar_events.sql",
                                   "templates/DailyReportPage.html"]),
    "console-service": (["dev.marketpipe.console.client." + n for n in (
        "CollectorJob", "Replay", "QuarantineEntry", "QuarantineEntry$Reason", "DailyReport", "DailyReport$Kpis",
        "DailyReport$Kpi", "DailyReport$SymbolDay", "KeptReport", "Bar")], ["templates/layout.html"]),
    "market-simulator": (ENUMS, CALENDAR),
}


def runner_jar(service):
    jars = glob.glob(f"{service}/target/native-sources/*-runner.jar")
    if not jars:
        sys.exit(f"{service}: no target/native-sources/*-runner.jar (run the native sources build first)")
    return jars[0]


def java_regex(pattern):
    """A Java regex as native-image writes it (literal parts quoted as \\Q...\\E) in Python's syntax."""
    return re.sub(r"\\Q(.*?)\\E", lambda m: re.escape(m.group(1)), pattern)


def resource_included(config, path):
    resources = config.get("resources", {})
    includes = resources.get("includes", []) if isinstance(resources, dict) else resources
    for entry in includes:
        if "pattern" in entry and re.fullmatch(java_regex(entry["pattern"]), path):
            return True
        if "glob" in entry and fnmatch.fnmatch(path, entry["glob"]):
            return True
    return False


def jar_holding(service, path):
    for jar in glob.glob(f"{service}/target/native-sources/**/*.jar", recursive=True):
        with zipfile.ZipFile(jar) as z:
            if path in z.namelist():
                return jar
    return None


def check(service):
    problems = []
    with zipfile.ZipFile(runner_jar(service)) as z:
        reflect = json.loads(z.read("META-INF/native-image/reflect-config.json"))
        resources = json.loads(z.read("META-INF/native-image/resource-config.json"))
    by_name = {}
    for entry in reflect:
        by_name.setdefault(entry["name"], []).append(entry)
    types, paths = EXPECTED[service]
    for name in types:
        entries = by_name.get(name)
        if not entries:
            problems.append(f"{name} is not registered for reflection")
        elif not any(e.get("allDeclaredMethods") and e.get("allDeclaredConstructors") for e in entries):
            # e.g. only the @JsonCreator factory: Jackson could read the type but not write it (@JsonValue)
            problems.append(f"{name} is registered without all its methods and constructors")
    for path in paths:
        if not resource_included(resources, path):
            problems.append(f"resource {path} is not included in the native image")
        elif not jar_holding(service, path):
            problems.append(f"resource {path} is included but no jar of the build holds it")
    return problems


failed = False
for service in sys.argv[1:] or EXPECTED:
    problems = check(service)
    for p in problems:
        print(f"{service}: {p}")
    print(f"{service}: {'FAILED' if problems else 'ok'} ({len(EXPECTED[service][0])} types, "
          f"{len(EXPECTED[service][1])} resources)")
    failed |= bool(problems)
sys.exit(1 if failed else 0)
