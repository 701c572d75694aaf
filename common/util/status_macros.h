// Status propagation macros. Abseil 20220623 ships none, so they are written
// once here and used everywhere.
//
//   RETURN_IF_ERROR(store.Write(batch));
//   ASSIGN_OR_RETURN(auto article, ParseArticle(text));
#ifndef CLAIMS_COMMON_UTIL_STATUS_MACROS_H_
#define CLAIMS_COMMON_UTIL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define CLAIMS_CONCAT_INNER_(a, b) a##b
#define CLAIMS_CONCAT_(a, b) CLAIMS_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::absl::Status claims_status_ = (expr);          \
    if (!claims_status_.ok()) return claims_status_; \
  } while (0)

#define CLAIMS_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return std::move(tmp).status();      \
  lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) \
  CLAIMS_ASSIGN_OR_RETURN_IMPL_(CLAIMS_CONCAT_(claims_statusor_, __LINE__), lhs, expr)

#endif  // CLAIMS_COMMON_UTIL_STATUS_MACROS_H_
