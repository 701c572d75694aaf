#include "common/server/request_limits.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

using google::protobuf::RepeatedField;
using google::protobuf::RepeatedPtrField;

absl::Status TooLong(const char* field, size_t bound) {
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": longer than ", bound, " bytes"));
}

absl::Status CheckString(const char* field, const std::string& value,
                         size_t bound) {
  return value.size() > bound ? TooLong(field, bound) : absl::OkStatus();
}

// A list of non-empty strings of at most `bound` bytes each, and at most
// `max_values` of them.
absl::Status CheckList(const char* field,
                       const RepeatedPtrField<std::string>& values,
                       size_t bound, size_t max_values = kMaxFilterValues) {
  if (static_cast<size_t>(values.size()) > max_values) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": more than ", max_values, " values"));
  }
  for (int i = 0; i < values.size(); ++i) {
    if (values[i].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, "[", i, "]: empty"));
    }
    if (values[i].size() > bound) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, "[", i, "]: longer than ", bound, " bytes"));
    }
  }
  return absl::OkStatus();
}

// A list of enum values, each one the schema knows.
absl::Status CheckEnums(const char* field, const RepeatedField<int>& values,
                        bool (*is_valid)(int)) {
  if (static_cast<size_t>(values.size()) > kMaxFilterValues) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": more than ", kMaxFilterValues, " values"));
  }
  for (int i = 0; i < values.size(); ++i) {
    if (!is_valid(values[i])) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, "[", i, "]: unknown value"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckEnum(const char* field, int value, bool (*is_valid)(int)) {
  return is_valid(value) ? absl::OkStatus()
                         : absl::InvalidArgumentError(
                               absl::StrCat(field, ": unknown value"));
}

}  // namespace

absl::Status CheckArticle(const claims::v1::Article& article) {
  RETURN_IF_ERROR(CheckString("article.id", article.id(), kMaxIdBytes));
  RETURN_IF_ERROR(
      CheckString("article.title", article.title(), kMaxTitleBytes));
  RETURN_IF_ERROR(CheckString("article.url", article.url(), kMaxUrlBytes));
  RETURN_IF_ERROR(
      CheckString("article.published", article.published(), kMaxDateBytes));
  return CheckList("article.authors", article.authors(), kMaxIdBytes,
                   kMaxAuthors);
}

namespace {

// The filters QueryClaims and WatchClaims share (same field names).
template <typename Request>
absl::Status CheckFilters(const Request& request) {
  RETURN_IF_ERROR(CheckList("actors", request.actors(), kMaxIdBytes));
  RETURN_IF_ERROR(CheckList("topics", request.topics(), kMaxTopicBytes));
  RETURN_IF_ERROR(CheckList("article_ids", request.article_ids(), kMaxIdBytes));
  RETURN_IF_ERROR(CheckString("from", request.from(), kMaxDateBytes));
  RETURN_IF_ERROR(CheckString("to", request.to(), kMaxDateBytes));
  RETURN_IF_ERROR(CheckString("cursor", request.cursor(), kMaxCursorBytes));
  RETURN_IF_ERROR(
      CheckEnums("types", request.types(), claims::v1::ClaimType_IsValid));
  RETURN_IF_ERROR(CheckEnums("modalities", request.modalities(),
                             claims::v1::Modality_IsValid));
  RETURN_IF_ERROR(CheckEnum("date_field", request.date_field(),
                            claims::v1::DateField_IsValid));
  // Written so that NaN fails too.
  if (!(request.min_confidence() >= 0 && request.min_confidence() <= 1)) {
    return absl::InvalidArgumentError("min_confidence: must be within [0, 1]");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckQueryRequest(const claims::v1::QueryClaimsRequest& request) {
  RETURN_IF_ERROR(CheckFilters(request));
  if (request.min_shard_sequences_size() > static_cast<int>(kMaxFilterValues)) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_shard_sequences: more than ", kMaxFilterValues));
  }
  return CheckEnum("order", request.order(), claims::v1::Order_IsValid);
}

absl::Status CheckWatchRequest(const claims::v1::WatchClaimsRequest& request) {
  return CheckFilters(request);
}

absl::Status CheckListArticlesRequest(const claims::v1::ListArticlesRequest& request) {
  RETURN_IF_ERROR(CheckString("from", request.from(), kMaxDateBytes));
  RETURN_IF_ERROR(CheckString("to", request.to(), kMaxDateBytes));
  RETURN_IF_ERROR(CheckString("source_host", request.source_host(), kMaxUrlBytes));
  return CheckString("page_token", request.page_token(), kMaxCursorBytes);
}

absl::Status CheckArticleId(const std::string& article_id) {
  if (article_id.empty()) {
    return absl::InvalidArgumentError("article_id is required");
  }
  return CheckString("article_id", article_id, kMaxIdBytes);
}

absl::Status CheckListActorsRequest(
    const claims::v1::ListActorsRequest& request) {
  RETURN_IF_ERROR(CheckString("prefix", request.prefix(), kMaxIdBytes));
  if (request.limit() > kMaxListedActors) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit: more than ", kMaxListedActors));
  }
  return absl::OkStatus();
}

}  // namespace claims
