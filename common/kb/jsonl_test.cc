#include "common/kb/jsonl.h"

#include <string>

#include "common/kb/kb_entry.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace claims::kb {
namespace {

// Parses `json` with ParseJsonLine and with protobuf's converter and renders
// both as text format: the fast path must agree with protobuf.
void ExpectSameAsProtobuf(const std::string& json) {
  KbEntry fast;
  absl::Status s = ParseJsonLine(json, &fast);
  ASSERT_TRUE(s.ok()) << json << ": " << s;
  KbEntry slow;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &slow).ok()) << json;
  EXPECT_EQ(fast.DebugString(), slow.DebugString()) << json;
}

TEST(JsonLineTest, FastPathAgreesWithProtobuf) {
  ExpectSameAsProtobuf(R"({"id": "x", "name": "X", "type": "LOCATION"})");
  ExpectSameAsProtobuf(
      R"({"id": "paris-fra", "name": "Paris", "aliases": ["Paname", "Lutèce"], "population": 2138551, "capital": true, "gazetteer": false})");
  ExpectSameAsProtobuf(R"({"id": "q", "population": "42", "former_ids": []})");
  ExpectSameAsProtobuf(R"({"id": "q", "formerIds": ["a", "b"], "isoAlpha2": "QQ"})");
  ExpectSameAsProtobuf(
      R"({"id": "e", "name": "tab\there \"quoted\" back\\slash \u00e9 \ud83d\ude00 \/"})");
  ExpectSameAsProtobuf(R"({"id": "n", "role": null, "aliases": null})");
  ExpectSameAsProtobuf(
      R"( {"id": "p", "offices": [{"title": "governor", "country": "US-CA", "start": "2019-01-07"}, {"title": "mayor", "country": "USA", "start": "2001-01-01", "end": "2002-01-01"}]} )");
}

TEST(JsonLineTest, ErrorsComeFromProtobuf) {
  KbEntry e;
  for (const char* bad : {
           R"({"id": "x", "colour": "red"})",         // unknown field
           R"({"id": "x", "population": "many"})",    // not an integer
           R"({"id": "x"} trailing)",
           R"({"id": "x", "name": "\ud800"})",        // lone surrogate
           "{\"id\": \"\xff\"}",                      // invalid UTF-8
       }) {
    absl::Status s = ParseJsonLine(bad, &e);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(JsonLineTest, WhatTheFastPathRejectsProtobufDecides) {
  // Protobuf 3.21 accepts these; the fast path does not, and hands them on.
  ExpectSameAsProtobuf(R"({"id": "x", "aliases": "A"})");
  ExpectSameAsProtobuf(R"({"id": "x", "aliases": ["A",]})");
}

}  // namespace
}  // namespace claims::kb
