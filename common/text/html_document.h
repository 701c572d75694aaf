// HTML articles: turns a news page as crawlers deliver it into the plain
// text the extractor reads, with its layout.
//
// The page is parsed with a real HTML5 parser (gumbo), so broken markup,
// entities and character references come out as a browser would read them.
// The main text is found readability-style: page furniture (navigation,
// headers and footers, sidebars, related links, share bars, cookie banners,
// comments, ads, scripts, styles, forms) is left out by element and by
// class/id/role; the container whose paragraphs score highest is the
// article. Its headings, paragraphs, list items, quotes and figure captions
// become blocks of the text, separated by blank lines, with their sections;
// the headline is the first block. Title, authors and publication date come
// from the page: JSON-LD NewsArticle/Article, then Open Graph and article:
// meta tags, author meta or byline, <time datetime>, <h1> and <title>.
//
//   ASSIGN_OR_RETURN(HtmlDocument doc, ExtractHtmlDocument(html));
//   extractor.Analyze(article_with_body(doc.text), &doc.layout);
//
// Thread-safe (no shared state).
#ifndef CLAIMS_COMMON_TEXT_HTML_DOCUMENT_H_
#define CLAIMS_COMMON_TEXT_HTML_DOCUMENT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/text/layout.h"

namespace claims::text {

struct HtmlDocument {
  // The main text: the headline, then each block, separated by "\n\n".
  std::string text;
  // Blocks with offsets into `text`; title, authors and the publication
  // date ("YYYY-MM-DD", "" when the page gives none) from the page.
  ArticleLayout layout;
};

// INVALID_ARGUMENT when the page holds no readable text.
[[nodiscard]] absl::StatusOr<HtmlDocument> ExtractHtmlDocument(
    absl::string_view html);

// True when `body` starts like an HTML document or fragment ("<!DOCTYPE
// html", "<html", or markup with paragraph or block tags), after white
// space and a byte-order mark.
bool LooksLikeHtml(absl::string_view body);

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_HTML_DOCUMENT_H_
