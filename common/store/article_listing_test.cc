// The article indexes: listing by date and host with page tokens, lookup by
// URL, exact removal on replace and delete, the one-time backfill of older
// databases, and the re-extraction guard.
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "common/store/claim_reader.h"
#include "common/store/claim_store.h"
#include "common/store/db_options.h"
#include "common/store/key_codec.h"
#include "common/store/store_test_util.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace claims::testing {
namespace {

namespace si = store_internal;

claims::v1::AnalyzeResponse Article(const std::string& id,
                                    const std::string& published,
                                    const std::string& url) {
  auto analysis = MakeAnalysis(id, "hash-" + id, published, {});
  analysis.mutable_article()->mutable_article()->set_url(url);
  analysis.mutable_article()->set_canonical_url(url);
  return analysis;
}

class ArticleListingTest : public StoreTest {
 protected:
  // "c b a": the ids of one page, then "| <token>" when another follows.
  std::string List(ArticleListFilter filter, uint32_t page_size = 10,
                   std::string* token = nullptr) {
    auto page = reader_->ListArticles(filter, page_size, token ? *token : "", false);
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok()) return "";
    std::vector<std::string> ids;
    for (const auto& a : page->articles) ids.push_back(a.article().id());
    if (token != nullptr) *token = page->next_page_token;
    return absl::StrJoin(ids, " ");
  }
  void PutAll() {
    Put(Article("a", "2024-01-10", "https://news.example.org/a"));
    Put(Article("b", "2024-03-05", "https://news.example.org/b"));
    Put(Article("c", "2024-02-20", "https://blog.example.net/c"));
    Put(Article("d", "", "https://news.example.org/d"));
  }
};

TEST_F(ArticleListingTest, NewestFirstByDateAndHost) {
  PutAll();
  EXPECT_EQ(List({}), "b c a d");  // undated last
  EXPECT_EQ(List({"2024-02", "", ""}), "b c");
  EXPECT_EQ(List({"", "2024-03", ""}), "c a");  // undated out of any range
  EXPECT_EQ(List({"", "", "news.example.org"}), "b a d");
  EXPECT_EQ(List({"2024", "2025", "blog.example.net"}), "c");
}

TEST_F(ArticleListingTest, PagesResumeWithTheirToken) {
  PutAll();
  std::string token;
  EXPECT_EQ(List({}, 3, &token), "b c a");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(List({}, 3, &token), "d");
  EXPECT_EQ(token, "");
  EXPECT_FALSE(reader_->ListArticles({}, 3, "not-a-token", false).ok());
}

TEST_F(ArticleListingTest, ReplaceAndDeleteMoveTheIndexEntries) {
  PutAll();
  auto moved = Article("a", "2024-04-01", "https://blog.example.net/a2");
  moved.mutable_article()->set_content_hash("hash-a2");
  Put(moved);
  EXPECT_EQ(List({}), "a b c d");
  EXPECT_EQ(List({"", "", "news.example.org"}), "b d");
  EXPECT_TRUE(reader_->ArticleIdsByUrl("https://news.example.org/a")->empty());
  EXPECT_EQ(*reader_->ArticleIdsByUrl("https://blog.example.net/a2"),
            std::vector<std::string>{"a"});
  ASSERT_TRUE(store_->DeleteArticle("b").ok());
  EXPECT_EQ(List({}), "a c d");
}

TEST_F(ArticleListingTest, OlderDatabaseGetsItsIndexesAtOpen) {
  PutAll();
  // Make the database look as one written before the article indexes: no
  // index entries, no marker, records without them.
  rocksdb::DB* db = store_->db();
  rocksdb::WriteBatch batch;
  for (const char* prefix : {"P", "H", "U"}) {
    ASSERT_TRUE(si::ForEachInRange(db, si::PrefixRange(prefix), "test",
                                   [&](std::string_view key, std::string_view) {
                                     (void)batch.Delete(rocksdb::Slice(key.data(), key.size()));
                                     return true;
                                   }).ok());
  }
  ASSERT_TRUE(si::ForEachInRange(
      db, si::PrefixRange("A"), "test", [&](std::string_view key, std::string_view value) {
        claims::storage::v1::ArticleRecord record;
        record.ParseFromArray(value.data(), static_cast<int>(value.size()));
        record.clear_index_keys();
        (void)batch.Put(rocksdb::Slice(key.data(), key.size()), record.SerializeAsString());
        return true;
      }).ok());
  (void)batch.Delete(si::ArticleIndexesKey());
  ASSERT_TRUE(db->Write(rocksdb::WriteOptions(), &batch).ok());
  EXPECT_EQ(List({}), "");

  Reopen();
  EXPECT_EQ(List({}), "b c a d");
  EXPECT_EQ(List({"", "", "news.example.org"}), "b a d");
  // The records know their new entries, so a delete removes them.
  ASSERT_TRUE(store_->DeleteArticle("c").ok());
  EXPECT_EQ(List({"", "", "blog.example.net"}), "");
}

TEST_F(ArticleListingTest, ReextractionNeverUndoesAConcurrentWrite) {
  auto first = Put(Article("a", "2024-01-10", ""));
  auto changed = Article("a", "2024-01-11", "");
  changed.mutable_article()->set_content_hash("hash-a-new");
  Put(changed);
  // A re-extraction of the version read before the change is refused.
  EXPECT_EQ(store_->ReplaceExtraction(Article("a", "2024-01-10", ""), first.sequence)
                .status()
                .code(),
            absl::StatusCode::kAborted);
  auto current = reader_->GetArticle("a");
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->effective_published(), "2024-01-11");
  // Of the current version it writes, though the content is unchanged.
  auto redo = changed;
  auto result = store_->ReplaceExtraction(redo, current->sequence());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_GT(result->sequence, current->sequence());
  // A second re-extraction that read the same old version and produced the
  // very result now stored (same hash and extractor) has nothing to do.
  auto twice = store_->ReplaceExtraction(redo, current->sequence());
  ASSERT_TRUE(twice.ok()) << twice.status();
  EXPECT_TRUE(twice->unchanged);
  EXPECT_EQ(twice->sequence, result->sequence);
  // With another extractor it was still replaced meanwhile.
  auto other = redo;
  other.mutable_article()->set_extractor_version("extract-other");
  EXPECT_EQ(store_->ReplaceExtraction(other, current->sequence()).status().code(),
            absl::StatusCode::kAborted);
  ASSERT_TRUE(store_->DeleteArticle("a").ok());
  EXPECT_EQ(store_->ReplaceExtraction(redo, result->sequence).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace claims::testing
