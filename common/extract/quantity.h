// Quantities in a sentence: "over 70 per cent" -> {70, percent, ">"},
// "$5 billion" -> {5e9, USD, "="}, "about 300 people" -> {300, people, "~"}.
#ifndef CLAIMS_COMMON_EXTRACT_QUANTITY_H_
#define CLAIMS_COMMON_EXTRACT_QUANTITY_H_

#include <optional>
#include <vector>
#include "absl/strings/string_view.h"

#include "claims/v1/claims.pb.h"

namespace claims {

// The first quantity with a unit in `sentence`, if any.
std::optional<claims::v1::Quantity> FindQuantity(absl::string_view sentence);

// A quantity and where its text lies in the sentence (byte offsets).
struct FoundQuantity {
  claims::v1::Quantity quantity;
  size_t begin = 0;
  size_t end = 0;
};

// Every quantity with a unit in `sentence`, in text order, at most
// `max_count` (bounded work on hostile input).
std::vector<FoundQuantity> FindQuantities(absl::string_view sentence,
                                          size_t max_count = 16);

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_QUANTITY_H_
