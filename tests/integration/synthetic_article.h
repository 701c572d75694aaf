// Synthetic articles for the integration tests that load many of them
// (crash recovery, the replicated mode).
#ifndef CLAIMS_TESTS_INTEGRATION_SYNTHETIC_ARTICLE_H_
#define CLAIMS_TESTS_INTEGRATION_SYNTHETIC_ARTICLE_H_

#include <string>

#include "claims/v1/claims.pb.h"

namespace claims::testing {

// Article `prefix`-`n`: a few sentences with several claims (a meeting of
// named leaders on a date, a reported rejection, a quantity, a statement),
// different for each n.
claims::v1::Article Synthetic(const std::string& prefix, int n);

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INTEGRATION_SYNTHETIC_ARTICLE_H_
