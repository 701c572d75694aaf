// RequestLimits: the bounds on every field of every request (documented in
// protos/claims/v1/claims.proto), checked at the service edge before any work
// is done, so a hostile request costs a few comparisons.
//
//   if (absl::Status s = CheckQueryRequest(*request); !s.ok())
//     return ToGrpcStatus(s);
//
// Violations are INVALID_ARGUMENT with a short message naming the field and
// the bound, never echoing the value. The article body's size is the
// extractor's limit (RESOURCE_EXHAUSTED over 4 MiB), not checked here.
// Stateless and thread-safe.
#ifndef CLAIMS_COMMON_SERVER_REQUEST_LIMITS_H_
#define CLAIMS_COMMON_SERVER_REQUEST_LIMITS_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "claims/v1/claims.pb.h"

namespace claims {

// Every id is copied into index keys, claims and cursors, so ids stay short
// enough that a claim's keys and cursor are small whatever the client sent.
inline constexpr size_t kMaxIdBytes = 256;         // article ids, actor names
inline constexpr size_t kMaxTopicBytes = 128;      // taxonomy ids
inline constexpr size_t kMaxTitleBytes = 2048;
inline constexpr size_t kMaxUrlBytes = 2048;
inline constexpr size_t kMaxAuthors = 32;
inline constexpr size_t kMaxDateBytes = 64;        // published, from, to
inline constexpr size_t kMaxCursorBytes = 1024;    // ours are < 400
// Values per repeated filter: any-of lists longer than this are better
// served by several queries, and the bound keeps per-claim matching cheap.
inline constexpr size_t kMaxFilterValues = 64;
// Actors per ListActors reply (also the answer to limit 0).
inline constexpr uint32_t kMaxListedActors = 1000;
// ListArticles page sizes: the default and the largest.
inline constexpr uint32_t kDefaultArticlePage = 50;
inline constexpr uint32_t kMaxArticlePage = 1000;

// Article fields of Analyze, IngestArticle and each IngestArticles item.
absl::Status CheckArticle(const claims::v1::Article& article);
// QueryClaims: every filter list, string, enum and the cursor.
absl::Status CheckQueryRequest(const claims::v1::QueryClaimsRequest& request);
// WatchClaims: the same filters as QueryClaims.
absl::Status CheckWatchRequest(const claims::v1::WatchClaimsRequest& request);
// ListArticles: dates, host and page token (page_size is checked by the
// service, which knows its page limit).
absl::Status CheckListArticlesRequest(const claims::v1::ListArticlesRequest& request);
// A required article id (GetArticle, DeleteArticle).
absl::Status CheckArticleId(const std::string& article_id);
// ListActors: prefix and limit.
absl::Status CheckListActorsRequest(
    const claims::v1::ListActorsRequest& request);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_REQUEST_LIMITS_H_
