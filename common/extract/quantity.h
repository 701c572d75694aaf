// Quantities in a sentence: "over 70 per cent" -> {70, percent, ">"},
// "$5 billion" -> {5e9, USD, "="}, "about 300 people" -> {300, people, "~"}.
#ifndef CLAIMS_COMMON_EXTRACT_QUANTITY_H_
#define CLAIMS_COMMON_EXTRACT_QUANTITY_H_

#include <optional>
#include "absl/strings/string_view.h"

#include "claims/v1/claims.pb.h"

namespace claims {

// The first quantity with a unit in `sentence`, if any.
std::optional<claims::v1::Quantity> FindQuantity(absl::string_view sentence);

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_QUANTITY_H_
