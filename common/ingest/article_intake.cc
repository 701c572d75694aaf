#include "common/ingest/article_intake.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/extract/content_hash.h"
#include "common/text/html_document.h"
#include "common/text/language.h"
#include "common/text/utf8.h"
#include "common/util/canonical_url.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

constexpr char kPlainText[] = "text/plain";
constexpr char kHtml[] = "text/html";

// "text/HTML; charset=utf-8" -> "text/html"; "" stays "".
std::string MediaType(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(type));
}

}  // namespace

std::string UrlArticleId(const std::string& canonical_url) {
  // Same length as content-derived ids, from a different input.
  return DerivedArticleId(Sha256Hex(absl::StrCat("url\n", canonical_url)));
}

bool ArticleIntake::IsSupportedLanguage(const std::string& code) {
  return code == "en";
}

ArticleIntake::ArticleIntake(const Extractor* extractor, IntakeOptions options)
    : extractor_(extractor), options_(options) {}

absl::StatusOr<claims::v1::AnalyzeResponse> ArticleIntake::Analyze(
    const claims::v1::Article& article) const {
  const std::string media_type = MediaType(article.content_type());
  if (!media_type.empty() && media_type != kPlainText && media_type != kHtml) {
    return absl::InvalidArgumentError(absl::StrCat(
        "content_type \"", media_type.substr(0, 40),
        "\" is not supported; use text/plain or text/html"));
  }
  const bool html = media_type == kHtml ||
                    (media_type.empty() && text::LooksLikeHtml(article.body()));

  claims::v1::Article input = article;
  std::optional<text::HtmlDocument> page;
  if (html) {
    if (article.body().size() > options_.max_html_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat("HTML body is ", article.body().size(),
                       " bytes; the limit is ", options_.max_html_bytes));
    }
    RETURN_IF_ERROR(text::ValidateText(article.body(), "body"));
    ASSIGN_OR_RETURN(page, text::ExtractHtmlDocument(article.body()));
    input.set_body(page->text);
  }
  const std::string canonical_url = CanonicalUrl(article.url());
  if (input.id().empty()) {
    // Identity comes from what was delivered: the page's URL, else the
    // original content (for HTML, the page, not the text taken from it).
    input.set_id(!canonical_url.empty()
                     ? UrlArticleId(canonical_url)
                     : DerivedArticleId(ArticleContentHash(article)));
  }
  // CLD2 reads valid UTF-8 only; the extractor would refuse anything else
  // with the same status.
  RETURN_IF_ERROR(text::ValidateText(input.body(), "body"));
  const text::DetectedLanguage language = text::DetectLanguage(input.body());
  const bool unsupported = language.reliable && language.code != "und" &&
                           !IsSupportedLanguage(language.code);
  if (unsupported && !options_.store_unsupported_languages) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the article is in ", language.name, " (", language.code,
        "); the extractor reads English (en) only"));
  }

  ASSIGN_OR_RETURN(claims::v1::AnalyzeResponse analysis,
                   extractor_->Analyze(input, page ? &page->layout : nullptr));
  claims::v1::StoredArticle* stored = analysis.mutable_article();
  stored->set_language(language.code);
  stored->set_content_type(html ? kHtml : kPlainText);
  stored->set_canonical_url(canonical_url);
  if (html) {
    stored->set_text(page->text);
    stored->mutable_article()->set_body(article.body());
    stored->set_content_hash(ArticleContentHash(article));
  }
  if (unsupported) {
    // Stored so an operator can see it, without claims made from text the
    // extractor cannot read.
    analysis.clear_claims();
    analysis.clear_mentions();
    analysis.clear_timexes();
    analysis.clear_actors();
    stored->set_claim_count(0);
    stored->clear_topics();
    stored->set_claims_withheld(true);
  }
  return analysis;
}

}  // namespace claims
