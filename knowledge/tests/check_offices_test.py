#!/usr/bin/env python3
"""check_offices.py finds what it is meant to find (CTest: kb_offices_check_test)."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def person(pid, *offices):
    return {"id": pid, "name": pid.replace("-", " ").title(), "type": "PERSON",
            "kind": "person", "country": "GBR", "role": "government",
            "offices": [dict(zip(("title", "country", "start", "end"), o)) for o in offices]}


class CheckOfficesTest(unittest.TestCase):
    def run_check(self, people, overlaps=""):
        with tempfile.TemporaryDirectory() as kb:
            def write(name, entries):
                with open(os.path.join(kb, name), "w") as f:
                    f.writelines(json.dumps(e) + "\n" for e in entries)
            write("countries.jsonl", [{"id": "GBR", "name": "United Kingdom", "type": "LOCATION",
                                       "kind": "country", "iso_alpha2": "GB"}])
            write("titles.jsonl", [{"id": "prime-minister", "kind": "title", "aliases": ["PM"]},
                                   {"id": "first-minister", "kind": "title", "aliases": ["FM"]}])
            write("people.jsonl", people)
            tsv = os.path.join(kb, "overlaps.tsv")
            with open(tsv, "w") as f:
                f.write(overlaps)
            r = subprocess.run([sys.executable, os.path.join(HERE, "check_offices.py"),
                                "--kb", kb, "--overlaps", tsv], capture_output=True, text=True)
            return r.returncode, r.stdout

    def test_clean_data_passes(self):
        code, out = self.run_check([
            person("a-one", ("prime-minister", "GBR", "2000-01-01", "2005-01-01")),
            person("b-two", ("prime-minister", "GBR", "2005-01-01", ""),
                   ("first-minister", "GB-SCT", "1999-05-17", "2000-01-01")),
        ])
        self.assertEqual(code, 0, out)

    def test_overlapping_holders_fail_unless_listed(self):
        people = [person("a-one", ("prime-minister", "GBR", "2000-01-01", "2006-01-01")),
                  person("b-two", ("prime-minister", "GBR", "2005-01-01", ""))]
        code, out = self.run_check(people)
        self.assertEqual(code, 1)
        self.assertIn("overlaps a-one", out)
        code, out = self.run_check(people, "prime-minister\tGBR\t2\tco-premiers\n")
        self.assertEqual(code, 0, out)

    def test_bad_dates_titles_owners_and_ids(self):
        code, out = self.run_check([
            person("a-one", ("prime-minister", "GBR", "2005-01-01", "2000-01-01")),
            person("b-two", ("emperor", "GBR", "2000-01-01", "")),
            person("c-three", ("prime-minister", "Britain", "1990-01-01", "1991-01-01")),
            person("c-three", ("prime-minister", "GBR", "1980-02-30", "")),
            person("D_Four"),
        ])
        self.assertEqual(code, 1)
        self.assertIn("start is not before end", out)
        self.assertIn("title not in titles.jsonl", out)
        self.assertIn("owner is not a country", out)
        self.assertIn("duplicate id 'c-three'", out)
        self.assertIn("lower-case slug", out)


if __name__ == "__main__":
    unittest.main()
