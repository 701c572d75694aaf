// Test helpers for the store: a fixture with a real database in a fresh
// temporary directory, builders for analyses, and renderers that turn store
// state into short strings so assertions read like the behaviour.
#ifndef CLAIMS_COMMON_STORE_STORE_TEST_UTIL_H_
#define CLAIMS_COMMON_STORE_STORE_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/store/claim_reader.h"
#include "common/store/claim_store.h"
#include "common/store/key_codec.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace claims::testing {

// A claim naming `actor_ids` (first as subject, the rest as objects).
inline claims::v1::Claim MakeClaim(std::vector<std::string> actor_ids,
                                   std::vector<std::string> topics = {},
                                   std::string event_date = "") {
  claims::v1::Claim claim;
  claim.set_type(claims::v1::EVENT);
  claim.set_modality(claims::v1::ASSERTED);
  claim.set_confidence(0.8f);
  for (size_t i = 0; i < actor_ids.size(); ++i) {
    claims::v1::ActorRef* ref =
        i == 0 ? claim.add_subjects() : claim.add_objects();
    ref->set_id(actor_ids[i]);
  }
  for (std::string& topic : topics) claim.add_topics(std::move(topic));
  claim.set_event_date(std::move(event_date));
  return claim;
}

// An analysis of article `id` published on `published`, whose content hash
// is `hash`; claim ids and texts are filled in as the extractor does.
inline claims::v1::AnalyzeResponse MakeAnalysis(
    const std::string& id, const std::string& hash,
    const std::string& published, std::vector<claims::v1::Claim> claims) {
  claims::v1::AnalyzeResponse analysis;
  claims::v1::StoredArticle* article = analysis.mutable_article();
  article->mutable_article()->set_id(id);
  article->mutable_article()->set_published(published);
  article->set_effective_published(published);
  article->set_content_hash(hash);
  for (size_t i = 0; i < claims.size(); ++i) {
    claims::v1::Claim& claim = claims[i];
    claim.set_id(absl::StrCat(id, ":", i));
    claim.set_article_id(id);
    claim.set_published(published);
    if (claim.text().empty()) claim.set_text(absl::StrCat("sentence ", i));
    *analysis.add_claims() = std::move(claim);
  }
  return analysis;
}

// "a:0 a:1 b:0": claim ids in the order a scan produced them.
inline std::string Ids(const std::vector<ScannedClaim>& items) {
  std::vector<std::string> ids;
  for (const ScannedClaim& item : items) ids.push_back(item.Decode()->id());
  return absl::StrJoin(ids, " ");
}

inline std::string Ids(const std::vector<claims::v1::Claim>& claims) {
  std::vector<std::string> ids;
  for (const claims::v1::Claim& claim : claims) ids.push_back(claim.id());
  return absl::StrJoin(ids, " ");
}

// Every key under `prefix`, rendered readably: printable bytes as they are,
// '\0' as '|', other bytes as hex. Big-endian ordinals come out as
// "\x00\x00\x00\x01" -> "|#1" for sort keys (the ordinal is decoded).
inline std::string RenderKeys(rocksdb::DB* db, char prefix) {
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(rocksdb::ReadOptions()));
  std::vector<std::string> out;
  const std::string start(1, prefix);
  for (it->Seek(start); it->Valid() && it->key()[0] == prefix; it->Next()) {
    std::string key = it->key().ToString().substr(1);
    std::string rendered;
    // Claim-like keys end in '\0' + be32: decode the ordinal.
    if (key.size() >= 5 && key[key.size() - 5] == '\0') {
      const uint32_t ordinal =
          store_internal::DecodeBigEndian32(key.substr(key.size() - 4));
      key = absl::StrCat(key.substr(0, key.size() - 5), "#", ordinal);
    }
    for (char c : key) {
      if (c == '\0') {
        rendered += '|';
      } else if (c >= 0x20 && c < 0x7f) {
        rendered += c;
      } else {
        absl::StrAppend(
            &rendered, "\\x",
            absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
      }
    }
    out.push_back(rendered);
  }
  return absl::StrJoin(out, " ");
}

// Fixture: a ClaimStore in a fresh directory, with a reader over it.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "claimstore-test-XXXXXX")
            .string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    dir_ = root_ + "/db";
    Reopen();
  }

  void TearDown() override {
    reader_.reset();
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  void Reopen() {
    reader_.reset();
    store_.reset();
    StoreOptions options;
    options.sync_writes = false;  // tests do not need power-loss safety
    options.block_cache_bytes = 1 << 20;
    auto store = ClaimStore::Open(dir_, options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    reader_ = std::make_unique<ClaimReader>(store_->db());
  }

  PutResult Put(const claims::v1::AnalyzeResponse& analysis) {
    auto result = store_->PutArticle(analysis);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : PutResult{};
  }

  std::vector<ScannedClaim> Scan(const ClaimFilter& filter,
                                 const ScanOptions& options = {}) {
    std::vector<ScannedClaim> items;
    absl::Status status =
        reader_->Scan(filter, options, [&](const ScannedClaim& item) {
          items.push_back(item);
          return true;
        });
    EXPECT_TRUE(status.ok()) << status;
    return items;
  }

  std::string ScanIds(const ClaimFilter& filter,
                      const ScanOptions& options = {}) {
    return Ids(Scan(filter, options));
  }

  // "a=2 b=1": ListActors("") as id=count.
  std::string ActorCounts(std::string_view prefix = "") {
    auto actors = reader_->ListActors(prefix, 0);
    EXPECT_TRUE(actors.ok()) << actors.status();
    std::vector<std::string> out;
    for (const auto& actor : *actors) {
      out.push_back(absl::StrCat(actor.id(), "=", actor.claim_count()));
    }
    return absl::StrJoin(out, " ");
  }

  // "conflict=2 conflict/ceasefire=1".
  std::string TopicCounts() {
    auto counts = reader_->TopicCounts();
    EXPECT_TRUE(counts.ok()) << counts.status();
    std::vector<std::string> out;
    for (const auto& [topic, count] : *counts) {
      out.push_back(absl::StrCat(topic, "=", count));
    }
    return absl::StrJoin(out, " ");
  }

  std::string root_;
  std::string dir_;
  std::unique_ptr<ClaimStore> store_;
  std::unique_ptr<ClaimReader> reader_;
};

}  // namespace claims::testing

#endif  // CLAIMS_COMMON_STORE_STORE_TEST_UTIL_H_
