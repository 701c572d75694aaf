#include "tests/integration/synthetic_article.h"

#include "absl/strings/str_cat.h"

namespace claims::testing {

claims::v1::Article Synthetic(const std::string& prefix, int n) {
  claims::v1::Article article;
  article.set_id(absl::StrCat(prefix, "-", n));
  article.set_body(absl::StrCat(
      "Talks Resume in Geneva, Round ", n, "\n",
      "Prime Minister Benjamin Netanyahu met President Donald Trump in "
      "Washington on March ", 1 + n % 28, ", 2025 to discuss a ceasefire.\n",
      "Hamas reportedly rejected the proposal for round ", n, ".\n",
      "Over ", 40 + n % 50, " per cent of Israelis support a hostage deal.\n",
      "The European Union said it would send aid to Gaza."));
  return article;
}

}  // namespace claims::testing
