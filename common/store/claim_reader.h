// ClaimReader: read-only queries over a claim database.
//
// Works on any rocksdb::DB holding the store's layout: the writer's own
// handle or a follower's (a RocksDB secondary instance). It never writes.
//
//   ClaimFilter f;
//   f.actor_ids = {"benjamin-netanyahu"};
//   f.from = "2025-01-01";
//   RETURN_IF_ERROR(reader.Scan(f, ScanOptions{}, [&](const ScannedClaim& c) {
//     Send(c.encoded_claim, c.cursor);
//     return true;  // false stops the scan
//   }));
//
// Thread-safe (RocksDB reads are).
#ifndef CLAIMS_COMMON_STORE_CLAIM_READER_H_
#define CLAIMS_COMMON_STORE_CLAIM_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "claims/storage/v1/records.pb.h"
#include "claims/v1/claims.pb.h"

namespace rocksdb {
class DB;
}

namespace claims {

// Filters: any-of within a kind, all-of across kinds; empty = no constraint.
struct ClaimFilter {
  std::vector<std::string> actor_ids;  // resolved ids (see ResolveActor)
  std::vector<std::string> topics;     // a parent matches its children
  std::string from;                    // half-open [from, to), YYYY[-MM[-DD]]
  std::string to;
  // UNSPECIFIED means EFFECTIVE.
  claims::v1::DateField date_field = claims::v1::DATE_FIELD_EFFECTIVE;
  std::vector<std::string> article_ids;
  std::vector<claims::v1::ClaimType> types;
  std::vector<claims::v1::Modality> modalities;
  float min_confidence = 0;
};

// A filter prepared for matching claims one at a time (live watches): dates
// parsed and every list hashed once, so matching a claim costs the same
// however long the filter's lists are. Copyable; thread-safe to use.
class ClaimMatcher {
 public:
  // INVALID_ARGUMENT for a malformed date.
  static absl::StatusOr<ClaimMatcher> Create(ClaimFilter filter);

  // True if `claim` passes every filter kind (actors and topics included).
  bool Matches(const claims::v1::Claim& claim) const;

 private:
  struct State;
  explicit ClaimMatcher(std::shared_ptr<const State> state)
      : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

struct ScanOptions {
  bool newest_first = false;
  // Resume strictly after the item that carried this cursor ("" = start).
  std::string cursor;
  // 0 = unlimited.
  uint64_t limit = 0;
  // Polled every few thousand index entries, so a scan that matches little
  // can still be abandoned (deadline, cancelled call): returning false ends
  // the scan with CANCELLED. Unset = never stop early.
  std::function<bool()> keep_going;
};

struct ScannedClaim {
  // The claim as stored: a serialized claims.v1.Claim. Scans hand out the
  // stored bytes so a server can stream them without re-encoding.
  std::string encoded_claim;
  // Opaque cursor: resume after this claim.
  std::string cursor;

  // Parses encoded_claim; DATA_LOSS when it is not a claim.
  absl::StatusOr<claims::v1::Claim> Decode() const;
};

// Which stored articles ListArticles returns; empty = no constraint.
struct ArticleListFilter {
  // Half-open range [from, to) of effective publication dates,
  // YYYY[-MM[-DD]]. Articles without a date only match when both are empty.
  std::string from;
  std::string to;
  // Host of the article's URL, as NormalizeHost gives it.
  std::string source_host;
};

struct ArticlePage {
  std::vector<claims::v1::StoredArticle> articles;
  // Where the next page starts; "" after the last page.
  std::string next_page_token;
};

// Size figures of the database, for metrics.
struct DbStats {
  uint64_t live_data_bytes = 0;
  uint64_t sst_files_bytes = 0;
  uint64_t memtable_bytes = 0;
  uint64_t pending_compaction_bytes = 0;
};

class ClaimReader {
 public:
  // `db` must outlive the reader.
  explicit ClaimReader(rocksdb::DB* db);

  // NOT_FOUND when absent.
  absl::StatusOr<claims::v1::StoredArticle> GetArticle(
      std::string_view article_id) const;
  absl::StatusOr<std::vector<claims::v1::Claim>> GetArticleClaims(
      std::string_view article_id) const;

  // Streams matching claims in date order (ties broken by article id and
  // position) to `emit` until it returns false, the limit is reached or the
  // scan ends. INVALID_ARGUMENT for a malformed cursor or date.
  absl::Status Scan(const ClaimFilter& filter, const ScanOptions& options,
                    const std::function<bool(const ScannedClaim&)>& emit) const;

  // Up to `page_size` stored articles matching `filter`, newest
  // publication date first (ties by id, descending), starting after
  // `page_token` (from a previous page; "" = the first page). Without
  // `include_body`, article.body and text are left out. INVALID_ARGUMENT
  // for a malformed date or token. (Implemented in article_listing.cc.)
  absl::StatusOr<ArticlePage> ListArticles(const ArticleListFilter& filter,
                                           uint32_t page_size,
                                           std::string_view page_token,
                                           bool include_body) const;

  // Every stored article with an id greater than `after_id` ("" = from
  // the first), in id order, to `visit` until it returns false.
  absl::Status ForEachArticle(
      std::string_view after_id,
      const std::function<bool(const claims::v1::StoredArticle&)>& visit) const;

  // Number of stored articles (a scan of the article records).
  absl::StatusOr<uint64_t> CountArticles() const;

  // Ids of the articles stored from `canonical_url` (see CanonicalUrl).
  absl::StatusOr<std::vector<std::string>> ArticleIdsByUrl(
      std::string_view canonical_url) const;

  // Actor ids whose id, canonical name or alias equals `name`
  // case-insensitively (honorifics such as "Mr" are also tried stripped).
  // Empty when unknown.
  std::vector<std::string> ResolveActor(std::string_view name) const;

  // Ids of the actors affiliated with the country `country_id` (ISO 3166-1
  // alpha-3, e.g. "ISR"): its people, organisations and places.
  absl::StatusOr<std::vector<std::string>> AffiliatedActors(
      std::string_view country_id) const;

  // Actors with at least one claim whose id, name or an alias starts with
  // `prefix` (case-insensitive), with exact claim counts; 0 limit = all.
  absl::StatusOr<std::vector<claims::v1::Actor>> ListActors(
      std::string_view prefix, uint32_t limit) const;

  // Claim count per topic id, including every ancestor path of each claim's
  // topics ("conflict" counts "conflict/ceasefire" claims).
  absl::StatusOr<std::vector<std::pair<std::string, uint64_t>>> TopicCounts()
      const;

  // Highest commit sequence visible to this reader.
  uint64_t AppliedSequence() const;

  // RocksDB's estimates of the database's size (0 where unknown).
  DbStats Stats() const;

  // Change-feed entries with sequence > `after`, in order, to `emit` until
  // it returns false.
  absl::Status ReadChanges(
      uint64_t after,
      const std::function<bool(const claims::storage::v1::ChangeRecord&)>& emit)
      const;

  // The claim stored under a storage key (from a ChangeRecord); NOT_FOUND if
  // it has been replaced or deleted since.
  absl::StatusOr<claims::v1::Claim> GetClaimByKey(std::string_view key) const;

  // True if `claim` passes every filter kind of `filter` (a one-off
  // ClaimMatcher).
  static bool Matches(const ClaimFilter& filter,
                      const claims::v1::Claim& claim);

 private:
  rocksdb::DB* db_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_STORE_CLAIM_READER_H_
