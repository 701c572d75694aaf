// ClaimStore: atomic writes, idempotence, replace, delete, counters, actors,
// change feed, format version and lifecycle, against a real RocksDB.
#include "common/store/claim_store.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/store/key_codec.h"
#include "common/store/store_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace claims {
namespace {

using ::claims::storage::v1::ChangeRecord;
using ::claims::testing::Ids;
using ::claims::testing::MakeAnalysis;
using ::claims::testing::MakeClaim;
using ::claims::testing::RenderKeys;
using ::testing::HasSubstr;

class ClaimStoreTest : public testing::StoreTest {
 protected:
  std::string Changes(uint64_t after = 0) {
    std::vector<std::string> out;
    absl::Status s = reader_->ReadChanges(after, [&](const ChangeRecord& c) {
      out.push_back(absl::StrCat(c.sequence(), ":",
                                 ChangeRecord::Op_Name(c.op()), ":",
                                 c.article_id(), "/", c.claim_keys_size()));
      return true;
    });
    EXPECT_TRUE(s.ok()) << s;
    return absl::StrJoin(out, " ");
  }

  std::string ArticleClaimIds(const std::string& id) {
    auto claims = reader_->GetArticleClaims(id);
    if (!claims.ok()) return claims.status().ToString();
    return Ids(*claims);
  }
};

TEST_F(ClaimStoreTest, PutWritesArticleClaimsIndexesAndCountsTogether) {
  PutResult r = Put(MakeAnalysis(
      "art", "h1", "2025-04-07",
      {MakeClaim({"trump", "netanyahu"}, {"conflict/ceasefire"}, "2025-03"),
       MakeClaim({"netanyahu"}, {"diplomacy/visit"})}));
  EXPECT_EQ(r.article_id, "art");
  EXPECT_EQ(r.claim_count, 2u);
  EXPECT_EQ(r.sequence, 1u);
  EXPECT_FALSE(r.unchanged);
  EXPECT_FALSE(r.replaced);
  EXPECT_EQ(store_->sequence(), 1u);
  EXPECT_EQ(reader_->AppliedSequence(), 1u);

  auto article = reader_->GetArticle("art");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->claim_count(), 2u);
  EXPECT_EQ(article->sequence(), 1u);
  EXPECT_EQ(article->content_hash(), "h1");

  auto claims = reader_->GetArticleClaims("art");
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(Ids(*claims), "art:0 art:1");
  EXPECT_EQ((*claims)[0].sequence(), 1u);
  EXPECT_EQ((*claims)[0].article_id(), "art");

  // Event date (month -> first day, month span 'm') drives the first
  // claim's sort key, the publication date (day span 'd') the second's.
  EXPECT_EQ(RenderKeys(store_->db(), 'D'), "d2025-04-07art#1 m2025-03-01art#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'E'),
            "netanyahu|d2025-04-07art#1 netanyahu|m2025-03-01art#0 "
            "trump|m2025-03-01art#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'T'),
            "conflict|m2025-03-01art#0 conflict/ceasefire|m2025-03-01art#0 "
            "diplomacy|d2025-04-07art#1 diplomacy/visit|d2025-04-07art#1");
  // Index entries carry the period end and the claim itself.
  std::string value;
  ASSERT_TRUE(store_->db()
                  ->Get(rocksdb::ReadOptions(),
                        store_internal::ActorIndexPrefix(
                            "trump", store_internal::PeriodSpan::kMonth) +
                            store_internal::SortKey("2025-03-01", "art", 0),
                        &value)
                  .ok());
  std::optional<store_internal::IndexValue> entry =
      store_internal::DecodeIndexValue(value);
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->period_end, "2025-04-01");
  claims::v1::Claim indexed;
  ASSERT_TRUE(indexed.ParseFromString(std::string(entry->claim)));
  EXPECT_EQ(indexed.id(), "art:0");
  EXPECT_EQ(indexed.sequence(), 1u);
  EXPECT_EQ(ActorCounts(), "netanyahu=2 trump=1");
  EXPECT_EQ(TopicCounts(),
            "conflict=1 conflict/ceasefire=1 diplomacy=1 diplomacy/visit=1");
  EXPECT_EQ(Changes(), "1:PUT:art/2");
}

TEST_F(ClaimStoreTest, SameContentIsUnchangedAndWritesNothing) {
  auto analysis =
      MakeAnalysis("art", "h1", "2025-04-07", {MakeClaim({"a"}, {"x"})});
  EXPECT_EQ(Put(analysis).sequence, 1u);
  Put(MakeAnalysis("other", "h9", "2025-04-08", {}));  // sequence 2

  PutResult again = Put(analysis);
  EXPECT_TRUE(again.unchanged);
  EXPECT_FALSE(again.replaced);
  EXPECT_EQ(again.sequence, 1u);  // the stored version's
  EXPECT_EQ(again.claim_count, 1u);
  EXPECT_EQ(store_->sequence(), 2u);
  EXPECT_EQ(Changes(), "1:PUT:art/1 2:PUT:other/0");
  EXPECT_EQ(ActorCounts(), "a=1");
}

TEST_F(ClaimStoreTest, ReplaceRemovesExactlyWhatTheOldVersionWrote) {
  Put(MakeAnalysis(
      "art", "h1", "2025-04-07",
      {MakeClaim({"a", "b"}, {"conflict/ceasefire"}),
       MakeClaim({"a"}, {"conflict/hostages"}), MakeClaim({"b"}, {}, "2024")}));
  Put(MakeAnalysis("keep", "k1", "2025-01-01",
                   {MakeClaim({"a"}, {"conflict/ceasefire"})}));
  EXPECT_EQ(ActorCounts(), "a=3 b=2");
  EXPECT_EQ(TopicCounts(),
            "conflict=3 conflict/ceasefire=2 conflict/hostages=1");

  PutResult r = Put(MakeAnalysis("art", "h2", "2025-05-01",
                                 {MakeClaim({"c"}, {"economy/trade"})}));
  EXPECT_TRUE(r.replaced);
  EXPECT_FALSE(r.unchanged);
  EXPECT_EQ(r.sequence, 3u);
  EXPECT_EQ(r.claim_count, 1u);

  EXPECT_EQ(ArticleClaimIds("art"), "art:0");
  EXPECT_EQ(RenderKeys(store_->db(), 'C'), "art#0 keep#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'D'),
            "d2025-01-01keep#0 d2025-05-01art#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'E'),
            "a|d2025-01-01keep#0 c|d2025-05-01art#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'T'),
            "conflict|d2025-01-01keep#0 conflict/ceasefire|d2025-01-01keep#0 "
            "economy|d2025-05-01art#0 economy/trade|d2025-05-01art#0");
  EXPECT_EQ(ActorCounts(), "a=1 c=1");
  EXPECT_EQ(TopicCounts(),
            "conflict=1 conflict/ceasefire=1 economy=1 economy/trade=1");
  auto article = reader_->GetArticle("art");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->content_hash(), "h2");
  EXPECT_EQ(article->sequence(), 3u);
}

TEST_F(ClaimStoreTest, ReplaceKeepingSomeClaimsKeepsTheirEntries) {
  Put(MakeAnalysis("art", "h1", "2025-04-07",
                   {MakeClaim({"a"}, {"x"}), MakeClaim({"b"}, {"y"})}));
  // Same first claim, second claim moves to another date.
  Put(MakeAnalysis("art", "h2", "2025-04-07",
                   {MakeClaim({"a"}, {"x"}), MakeClaim({"b"}, {"y"}, "2020")}));
  EXPECT_EQ(RenderKeys(store_->db(), 'D'), "d2025-04-07art#0 y2020-01-01art#1");
  EXPECT_EQ(RenderKeys(store_->db(), 'E'),
            "a|d2025-04-07art#0 b|y2020-01-01art#1");
  EXPECT_EQ(ActorCounts(), "a=1 b=1");
  EXPECT_EQ(TopicCounts(), "x=1 y=1");
}

TEST_F(ClaimStoreTest, DeleteRemovesArticleClaimsIndexesAndCounts) {
  Put(MakeAnalysis("art", "h1", "2025-04-07",
                   {MakeClaim({"a", "b"}, {"conflict/ceasefire"}),
                    MakeClaim({"a"}, {"conflict"})}));
  Put(MakeAnalysis("keep", "k1", "2025-04-08",
                   {MakeClaim({"a"}, {"conflict"})}));

  auto deleted = store_->DeleteArticle("art");
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_EQ(deleted->claims_deleted, 2u);
  EXPECT_EQ(deleted->sequence, 3u);
  EXPECT_EQ(reader_->AppliedSequence(), 3u);

  EXPECT_TRUE(absl::IsNotFound(reader_->GetArticle("art").status()));
  EXPECT_TRUE(absl::IsNotFound(reader_->GetArticleClaims("art").status()));
  EXPECT_EQ(RenderKeys(store_->db(), 'A'), "keep");
  EXPECT_EQ(RenderKeys(store_->db(), 'C'), "keep#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'D'), "d2025-04-08keep#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'E'), "a|d2025-04-08keep#0");
  EXPECT_EQ(RenderKeys(store_->db(), 'T'), "conflict|d2025-04-08keep#0");
  EXPECT_EQ(ActorCounts(), "a=1");
  EXPECT_EQ(TopicCounts(), "conflict=1");
  EXPECT_EQ(Changes(1), "2:PUT:keep/1 3:DELETE:art/0");

  auto again = store_->DeleteArticle("art");
  EXPECT_TRUE(absl::IsNotFound(again.status())) << again.status();
  EXPECT_EQ(store_->sequence(), 3u);

  // Deleting the last one leaves no counters at all.
  ASSERT_TRUE(store_->DeleteArticle("keep").ok());
  EXPECT_EQ(ActorCounts(), "");
  EXPECT_EQ(TopicCounts(), "");
  EXPECT_EQ(RenderKeys(store_->db(), 'c'), "");
  EXPECT_EQ(RenderKeys(store_->db(), 't'), "");
}

TEST_F(ClaimStoreTest, RejectsMissingArticleIdAndForeignClaims) {
  auto no_id = store_->PutArticle(MakeAnalysis("", "h", "2025-01-01", {}));
  EXPECT_TRUE(absl::IsInvalidArgument(no_id.status())) << no_id.status();

  auto analysis = MakeAnalysis("art", "h", "2025-01-01", {MakeClaim({"a"})});
  analysis.mutable_claims(0)->set_article_id("other");
  auto foreign = store_->PutArticle(analysis);
  EXPECT_TRUE(absl::IsInvalidArgument(foreign.status())) << foreign.status();
  EXPECT_EQ(store_->sequence(), 0u);
  EXPECT_EQ(RenderKeys(store_->db(), 'A'), "");
}

TEST_F(ClaimStoreTest, ChangeFeedAndClaimKeys) {
  Put(MakeAnalysis("a1", "h1", "2025-01-01",
                   {MakeClaim({"x"}), MakeClaim({"y"})}));
  Put(MakeAnalysis("a2", "h2", "2025-01-02", {MakeClaim({"x"})}));
  ASSERT_TRUE(store_->DeleteArticle("a1").ok());
  EXPECT_EQ(Changes(), "1:PUT:a1/2 2:PUT:a2/1 3:DELETE:a1/0");
  EXPECT_EQ(Changes(2), "3:DELETE:a1/0");
  EXPECT_EQ(Changes(3), "");

  // Claim keys in the feed lead to the claims while they are stored.
  std::vector<std::string> keys;
  ASSERT_TRUE(reader_
                  ->ReadChanges(0,
                                [&](const ChangeRecord& c) {
                                  for (const auto& k : c.claim_keys()) {
                                    keys.push_back(k);
                                  }
                                  return true;
                                })
                  .ok());
  ASSERT_EQ(keys.size(), 3u);
  auto gone = reader_->GetClaimByKey(keys[0]);
  EXPECT_TRUE(absl::IsNotFound(gone.status())) << gone.status();
  auto live = reader_->GetClaimByKey(keys[2]);
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_EQ(live->id(), "a2:0");
  EXPECT_EQ(live->sequence(), 2u);

  // Stopping early.
  int seen = 0;
  ASSERT_TRUE(reader_
                  ->ReadChanges(0,
                                [&](const ChangeRecord&) {
                                  ++seen;
                                  return false;
                                })
                  .ok());
  EXPECT_EQ(seen, 1);
}

TEST_F(ClaimStoreTest, ActorsAndAliasResolution) {
  auto analysis = MakeAnalysis(
      "art", "h1", "2025-04-07",
      {MakeClaim({"benjamin-netanyahu", "USA"}), MakeClaim({"USA"})});
  claims::v1::Actor* bibi = analysis.add_actors();
  bibi->set_id("benjamin-netanyahu");
  bibi->set_name("Benjamin Netanyahu");
  bibi->set_type(claims::v1::PERSON);
  bibi->add_aliases("Netanyahu");
  bibi->add_aliases("Bibi");
  claims::v1::Actor* usa = analysis.add_actors();
  usa->set_id("USA");
  usa->set_name("United States");
  usa->add_aliases("US");
  usa->add_aliases("Washington");
  Put(analysis);

  auto resolve = [&](std::string_view name) {
    return absl::StrJoin(reader_->ResolveActor(name), ",");
  };
  EXPECT_EQ(resolve("mr netanyahu"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("Mr. Netanyahu"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("Prime Minister Netanyahu"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("former prime minister  Netanyahu"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("Netanyahu's"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("Netanyahu\xE2\x80\x99s"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("BENJAMIN NETANYAHU"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("benjamin-netanyahu"), "benjamin-netanyahu");
  EXPECT_EQ(resolve("usa"), "USA");
  EXPECT_EQ(resolve("the US"), "USA");
  EXPECT_EQ(resolve("Washington"), "USA");
  EXPECT_EQ(resolve("Mr"), "");
  EXPECT_EQ(resolve("nobody"), "");

  // A later article adds an alias; what was stored stays.
  auto later = MakeAnalysis("art2", "h2", "2025-04-08", {MakeClaim({"USA"})});
  claims::v1::Actor* usa2 = later.add_actors();
  usa2->set_id("USA");
  usa2->add_aliases("America");
  Put(later);
  EXPECT_EQ(resolve("america"), "USA");
  EXPECT_EQ(resolve("washington"), "USA");

  // An alias shared by two actors resolves to both.
  auto shared =
      MakeAnalysis("art3", "h3", "2025-04-09", {MakeClaim({"georgia-us"})});
  claims::v1::Actor* state = shared.add_actors();
  state->set_id("georgia-us");
  state->set_name("Georgia");
  claims::v1::Actor* country = shared.add_actors();
  country->set_id("GEO");
  country->set_name("Georgia");
  Put(shared);
  EXPECT_EQ(resolve("georgia"), "GEO,georgia-us");

  auto actors = reader_->ListActors("", 0);
  ASSERT_TRUE(actors.ok());
  ASSERT_EQ(actors->size(), 3u);  // GEO has no claims
  EXPECT_EQ((*actors)[0].id(), "USA");
  EXPECT_EQ((*actors)[0].name(), "United States");
  EXPECT_EQ(absl::StrJoin((*actors)[0].aliases(), ","),
            "US,Washington,America");
  EXPECT_EQ((*actors)[0].claim_count(), 3u);
}

TEST_F(ClaimStoreTest, ListActorsByPrefixWithExactCounts) {
  auto analysis =
      MakeAnalysis("art", "h1", "2025-04-07",
                   {MakeClaim({"benjamin-netanyahu", "donald-trump"}),
                    MakeClaim({"donald-trump"}), MakeClaim({"benny-gantz"})});
  for (auto [id, name] : std::vector<std::pair<std::string, std::string>>{
           {"benjamin-netanyahu", "Benjamin Netanyahu"},
           {"donald-trump", "Donald Trump"},
           {"benny-gantz", "Benny Gantz"}}) {
    claims::v1::Actor* actor = analysis.add_actors();
    actor->set_id(id);
    actor->set_name(name);
  }
  // Claims may name actors the analysis does not list: they are kept too.
  analysis.mutable_claims(2)->add_objects()->set_id("idf");
  analysis.mutable_claims(2)->mutable_objects(0)->set_name("IDF");
  Put(analysis);

  EXPECT_EQ(ActorCounts(),
            "donald-trump=2 benjamin-netanyahu=1 benny-gantz=1 idf=1");
  EXPECT_EQ(ActorCounts("BEN"), "benjamin-netanyahu=1 benny-gantz=1");
  EXPECT_EQ(ActorCounts("trump"), "");  // a prefix, not a substring
  EXPECT_EQ(ActorCounts("Donald"), "donald-trump=2");
  EXPECT_EQ(ActorCounts("idf"), "idf=1");
  EXPECT_EQ(absl::StrJoin(reader_->ResolveActor("IDF"), ","), "idf");
  auto limited = reader_->ListActors("", 1);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0].id(), "donald-trump");
}

TEST_F(ClaimStoreTest, CountryAffiliationsIndexActorsButNotTheCountry) {
  auto analysis = MakeAnalysis(
      "a1", "h1", "2025-01-01",
      {MakeClaim({"benjamin-netanyahu", "ISR"}), MakeClaim({"idf"})});
  auto add_actor = [&](const std::string& id, const std::string& country) {
    claims::v1::Actor* actor = analysis.add_actors();
    actor->set_id(id);
    actor->set_name(id);
    actor->set_country(country);
  };
  add_actor("benjamin-netanyahu", "ISR");
  add_actor("idf", "ISR");
  add_actor("ISR", "ISR");
  add_actor("donald-trump", "USA");
  Put(analysis);
  auto israel = reader_->AffiliatedActors("ISR");
  ASSERT_TRUE(israel.ok()) << israel.status();
  EXPECT_EQ(absl::StrJoin(*israel, ","), "benjamin-netanyahu,idf");
  auto nowhere = reader_->AffiliatedActors("ATA");
  ASSERT_TRUE(nowhere.ok());
  EXPECT_TRUE(nowhere->empty());
}

TEST_F(ClaimStoreTest, SequenceSurvivesReopen) {
  Put(MakeAnalysis("a1", "h1", "2025-01-01", {MakeClaim({"x"})}));
  Put(MakeAnalysis("a2", "h2", "2025-01-01", {MakeClaim({"x"})}));
  ASSERT_TRUE(store_->Close().ok());
  Reopen();
  EXPECT_EQ(store_->sequence(), 2u);
  EXPECT_EQ(Put(MakeAnalysis("a3", "h3", "2025-01-01", {})).sequence, 3u);
  EXPECT_EQ(ActorCounts(), "x=2");
}

TEST_F(ClaimStoreTest, FormatVersionMismatchFailsOpen) {
  ASSERT_TRUE(store_->db()
                  ->Put(rocksdb::WriteOptions(),
                        store_internal::FormatVersionKey(), "1")
                  .ok());
  reader_.reset();
  ASSERT_TRUE(store_->Close().ok());
  store_.reset();
  auto reopened = ClaimStore::Open(dir_, StoreOptions{});
  EXPECT_EQ(reopened.status().code(), absl::StatusCode::kFailedPrecondition)
      << reopened.status();
  EXPECT_THAT(reopened.status().message(), HasSubstr("format version"));
}

TEST_F(ClaimStoreTest, ForeignDatabaseIsRejected) {
  reader_.reset();
  store_.reset();
  const std::string other = root_ + "/foreign";
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(options, other, &raw).ok());
  ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(), "hello", "world").ok());
  delete raw;
  auto opened = ClaimStore::Open(other, StoreOptions{});
  EXPECT_EQ(opened.status().code(), absl::StatusCode::kFailedPrecondition)
      << opened.status();
}

TEST_F(ClaimStoreTest, ClosedStoreRefusesWork) {
  ASSERT_TRUE(store_->Close().ok());
  EXPECT_EQ(store_->PutArticle(MakeAnalysis("a", "h", "", {})).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->DeleteArticle("a").status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->Close().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->db(), nullptr);
}

TEST_F(ClaimStoreTest, CheckpointIsAConsistentCopy) {
  Put(MakeAnalysis("art", "h1", "2025-04-07", {MakeClaim({"a"}, {"x/y"})}));
  const std::string copy = root_ + "/checkpoint";
  ASSERT_TRUE(store_->Checkpoint(copy).ok());
  Put(MakeAnalysis("later", "h2", "2025-04-08", {MakeClaim({"a"})}));

  auto restored = ClaimStore::Open(copy, StoreOptions{});
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ((*restored)->sequence(), 1u);
  ClaimReader reader((*restored)->db());
  EXPECT_TRUE(reader.GetArticle("art").ok());
  EXPECT_TRUE(absl::IsNotFound(reader.GetArticle("later").status()));
  EXPECT_FALSE(store_->Checkpoint(copy).ok());  // the directory exists
}

}  // namespace
}  // namespace claims
