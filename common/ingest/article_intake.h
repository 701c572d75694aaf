// ArticleIntake: an article from the outside world up to the analysis the
// store writes. Around the extractor it does what depends on how the
// article was delivered, not on its language content:
//
//  * reads an HTML body (content_type "text/html", or detected) as a page:
//    the extractor gets the main text with its layout, the stored article
//    keeps the original HTML and the extracted text (StoredArticle.text);
//  * gives an article with a URL and no id an id from its canonical URL, so
//    a re-crawl of the page replaces it instead of adding a copy;
//  * detects the language and refuses one the extractor does not support
//    with FAILED_PRECONDITION naming it, or (IntakeOptions) stores the
//    article without claims, marked claims_withheld.
//
//   ArticleIntake intake(extractor, IntakeOptions{});
//   ASSIGN_OR_RETURN(claims::v1::AnalyzeResponse analysis,
//                    intake.Analyze(request.article()));
//   store->PutArticle(analysis);
//
// Thread-safe: Analyze is const.
#ifndef CLAIMS_COMMON_INGEST_ARTICLE_INTAKE_H_
#define CLAIMS_COMMON_INGEST_ARTICLE_INTAKE_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"
#include "common/extract/extractor.h"

namespace claims {

struct IntakeOptions {
  // Store articles in unsupported languages without claims instead of
  // refusing them.
  bool store_unsupported_languages = false;
  // HTML pages longer than this are RESOURCE_EXHAUSTED (the extracted text
  // is then held to the extractor's own body limit).
  size_t max_html_bytes = 8 << 20;
};

class ArticleIntake {
 public:
  // `extractor` must outlive the intake.
  ArticleIntake(const Extractor* extractor, IntakeOptions options);

  // The analysis of `article` as the store keeps it. Errors: the
  // extractor's, INVALID_ARGUMENT for an unknown content_type or a page
  // without text, RESOURCE_EXHAUSTED for an HTML page over the limit,
  // FAILED_PRECONDITION for an unsupported language (unless stored without
  // claims).
  absl::StatusOr<claims::v1::AnalyzeResponse> Analyze(
      const claims::v1::Article& article) const;

  // Languages the extractor reads (ISO 639-1).
  static bool IsSupportedLanguage(const std::string& code);

 private:
  const Extractor* extractor_;
  const IntakeOptions options_;
};

// The id an article with this canonical URL and no client id gets.
std::string UrlArticleId(const std::string& canonical_url);

}  // namespace claims

#endif  // CLAIMS_COMMON_INGEST_ARTICLE_INTAKE_H_
