// ClaimReader's article listing: scans of the article indexes ('P', 'H',
// 'U'; see key_codec.h).
#include <memory>

#include "absl/strings/str_cat.h"
#include "common/store/claim_reader.h"
#include "common/store/dates.h"
#include "common/store/db_options.h"
#include "common/store/key_codec.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"

namespace claims {
namespace {

namespace si = store_internal;

// Earliest date a dated article can have: keeps articles without a date
// (kUnknownDate, which sorts first) out of any date range.
constexpr std::string_view kFirstDate = "0001-01-01";

}  // namespace

absl::StatusOr<ArticlePage> ClaimReader::ListArticles(
    const ArticleListFilter& filter, uint32_t page_size,
    std::string_view page_token, bool include_body) const {
  const std::string prefix =
      filter.source_host.empty()
          ? std::string(1, si::kArticleDatePrefix)
          : si::ArticleHostPrefix(filter.source_host);
  std::string lower = prefix;
  std::string upper = si::PrefixSuccessor(prefix);
  if (!filter.from.empty() || !filter.to.empty()) {
    lower = prefix + std::string(kFirstDate);
  }
  if (!filter.from.empty()) {
    ASSIGN_OR_RETURN(absl::CivilDay from, si::ParseQueryDate(filter.from, "from"));
    lower = std::max(lower, prefix + si::FormatDate(from));
  }
  if (!filter.to.empty()) {
    ASSIGN_OR_RETURN(absl::CivilDay to, si::ParseQueryDate(filter.to, "to"));
    upper = std::min(upper, prefix + si::FormatDate(to));
  }
  if (!page_token.empty()) {
    std::optional<std::string> after = si::DecodeArticlePageToken(page_token);
    if (!after.has_value()) {
      return absl::InvalidArgumentError("page_token: not a ListArticles token");
    }
    upper = std::min(upper, prefix + *after);
  }
  ArticlePage page;
  if (lower >= upper) return page;

  rocksdb::ReadOptions options;
  rocksdb::Slice lower_slice(lower);
  rocksdb::Slice upper_slice(upper);
  options.iterate_lower_bound = &lower_slice;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options));
  std::string last_position;
  for (it->SeekToLast(); it->Valid(); it->Prev()) {
    if (page.articles.size() == page_size) {
      // Another article follows: hand out where this page stopped.
      page.next_page_token = si::EncodeArticlePageToken(last_position);
      break;
    }
    std::string_view position = it->key().ToStringView().substr(prefix.size());
    if (position.size() <= si::kDateLength) continue;  // malformed
    absl::StatusOr<claims::v1::StoredArticle> article =
        GetArticle(position.substr(si::kDateLength));
    if (absl::IsNotFound(article.status())) continue;
    RETURN_IF_ERROR(article.status());
    if (!include_body) {
      article->mutable_article()->clear_body();
      article->clear_text();
    }
    page.articles.push_back(*std::move(article));
    last_position = std::string(position);
  }
  RETURN_IF_ERROR(si::FromRocks(it->status(), "list articles"));
  return page;
}

absl::Status ClaimReader::ForEachArticle(
    std::string_view after_id,
    const std::function<bool(const claims::v1::StoredArticle&)>& visit) const {
  si::KeyRange range = si::PrefixRange(std::string(1, si::kArticlePrefix));
  // The smallest key after "A<id>" itself (not after every id it
  // prefixes).
  if (!after_id.empty()) range.lower = si::ArticleKey(after_id) + std::string(1, '\0');
  absl::Status failed;
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, range, "scan articles", [&](std::string_view, std::string_view value) {
        claims::storage::v1::ArticleRecord record;
        if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          failed = absl::DataLossError("article record does not parse");
          return false;
        }
        return visit(record.article());
      }));
  return failed;
}

absl::StatusOr<uint64_t> ClaimReader::CountArticles() const {
  uint64_t count = 0;
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, si::PrefixRange(std::string(1, si::kArticlePrefix)), "count articles",
      [&](std::string_view, std::string_view) {
        ++count;
        return true;
      }));
  return count;
}

absl::StatusOr<std::vector<std::string>> ClaimReader::ArticleIdsByUrl(
    std::string_view canonical_url) const {
  const std::string prefix = si::ArticleUrlPrefix(canonical_url);
  std::vector<std::string> ids;
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, si::PrefixRange(prefix), "articles by URL",
      [&](std::string_view key, std::string_view) {
        ids.emplace_back(key.substr(prefix.size()));
        return true;
      }));
  return ids;
}

}  // namespace claims
