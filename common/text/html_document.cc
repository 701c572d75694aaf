#include "common/text/html_document.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text/utf8.h"
#include "re2/re2.h"

namespace claims::text {
namespace {

using claims::v1::Section;
using google::protobuf::Value;

// Paragraphs shorter than this (characters) do not vote for the container
// that holds the article; readability uses the same threshold.
constexpr size_t kMinScoredParagraph = 25;
// A block more than this share of whose text is link text is navigation.
constexpr double kMaxLinkDensity = 0.5;
// A parent takes over as the article container when it holds this much
// more paragraph text than the best-scored element (an article split over
// sibling containers by ads or embeds).
constexpr double kClimbRatio = 1.3;

// Deepest element nesting a page may have. Gumbo's time and memory grow
// with the square of the nesting (20,000 nested <div>s, 100 KB of input,
// take seconds and gigabytes); real news pages stay below a hundred.
constexpr size_t kMaxNesting = 1000;

// Schema.org types whose JSON-LD describes the article itself.
constexpr absl::string_view kArticleTypes[] = {
    "NewsArticle",       "Article",           "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting",
    "BackgroundNewsArticle", "LiveBlogPosting", "ScholarlyArticle"};

// Whole blocks that are page furniture wherever they appear.
constexpr absl::string_view kFurniturePhrases[] = {
    "advertisement", "skip advertisement", "story continues below advertisement",
    "sponsored", "continue reading", "read more", "share this article",
    "share", "subscribe"};

re2::StringPiece Piece(absl::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

absl::string_view Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? "" : absl::string_view(a->value);
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const GumboVector& Children(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEMPLATE || node->type == GUMBO_NODE_ELEMENT
             ? node->v.element.children
             : node->v.document.children;
}

bool IsFurnitureTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Class, id and role tokens of page furniture, as sites name it.
const RE2& FurnitureNames() {
  static const RE2* re = new RE2(
      "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|masthead|footer|cookie|"
      "cookies|consent|gdpr|banner|related|share|sharing|social|comment|"
      "comments|advert|advertisement|ad|ads|adslot|promo|newsletter|subscribe|"
      "subscription|sidebar|breadcrumb|breadcrumbs|popup|modal|signup|"
      "recommended|recirculation|trending|outbrain|taboola|sponsored|paywall|"
      "most-read|mostread|more-stories|tags|skip-link|sr-only|"
      "visually-hidden|complementary|contentinfo)([\\s_-]|$)");
  return *re;
}

// An element that never holds article text: by tag, by class/id/role, or
// hidden.
bool IsFurniture(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  if (IsFurnitureTag(node->v.element.tag)) return true;
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr ||
      Attr(node, "aria-hidden") == "true" ||
      absl::StrContains(absl::AsciiStrToLower(Attr(node, "style")), "display:none")) {
    return true;
  }
  for (const char* name : {"class", "id", "role"}) {
    absl::string_view value = Attr(node, name);
    if (!value.empty() && RE2::PartialMatch(Piece(value), FurnitureNames())) return true;
  }
  return false;
}

bool IsInlineTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_I:
    case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q: case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME: case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
    case GUMBO_TAG_BR: case GUMBO_TAG_FONT: case GUMBO_TAG_INS: case GUMBO_TAG_DEL:
    case GUMBO_TAG_IMG: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

// Inline text of a subtree, furniture left out; link text counted apart.
struct InlineText {
  std::string text;
  size_t link_bytes = 0;
};

void AppendInline(const GumboNode* node, bool in_link, InlineText* out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA: {
      absl::string_view t = node->v.text.text;
      out->text.append(t.data(), t.size());
      if (in_link) out->link_bytes += t.size();
      return;
    }
    case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: {
      if (IsFurniture(node)) return;
      if (IsElement(node, GUMBO_TAG_BR)) {
        out->text.push_back(' ');
        return;
      }
      const bool link = in_link || IsElement(node, GUMBO_TAG_A);
      const GumboVector& children = Children(node);
      for (unsigned i = 0; i < children.length; ++i) {
        AppendInline(static_cast<const GumboNode*>(children.data[i]), link, out);
      }
      // Block children of an inline-gathered element stay apart by a space.
      if (!IsInlineTag(node->v.element.tag)) out->text.push_back(' ');
      return;
    }
    default:
      return;
  }
}

// Runs of white space (Unicode, no-break space included) become one space.
std::string CollapseSpace(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t c = DecodeAt(s, i, &len);
    if (IsSpace(c) || c == 0xA0 || c == 0x200B) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

InlineText TextOf(const GumboNode* node) {
  InlineText t;
  AppendInline(node, false, &t);
  t.text = CollapseSpace(t.text);
  return t;
}

struct Block {
  std::string text;
  Section section;
};

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool IsLeafBlockTag(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD ||
         tag == GUMBO_TAG_DT || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_FIGCAPTION ||
         IsHeadingTag(tag);
}

bool IsFurniturePhrase(absl::string_view text) {
  std::string lower = absl::AsciiStrToLower(text);
  absl::string_view t = absl::StripSuffix(lower, ".");
  return std::find(std::begin(kFurniturePhrases), std::end(kFurniturePhrases), t) !=
         std::end(kFurniturePhrases);
}

void AddBlock(const InlineText& text, Section section, std::vector<Block>* blocks) {
  if (text.text.empty() || IsFurniturePhrase(text.text)) return;
  if (section == claims::v1::SECTION_BODY &&
      static_cast<double>(text.link_bytes) >
          kMaxLinkDensity * static_cast<double>(text.text.size())) {
    return;
  }
  blocks->push_back({text.text, section});
}

// Blocks of the article container in document order.
void CollectBlocks(const GumboNode* node, std::vector<Block>* blocks) {
  InlineText pending;  // text directly inside containers, between blocks
  auto flush = [&] {
    pending.text = CollapseSpace(pending.text);
    AddBlock(pending, claims::v1::SECTION_BODY, blocks);
    pending = InlineText();
  };
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) {
      AppendInline(child, false, &pending);
      continue;
    }
    if (IsFurniture(child)) continue;
    const GumboTag tag = child->v.element.tag;
    if (IsInlineTag(tag)) {
      AppendInline(child, false, &pending);
    } else if (IsLeafBlockTag(tag)) {
      flush();
      AddBlock(TextOf(child),
               IsHeadingTag(tag)             ? claims::v1::SECTION_HEADING
               : tag == GUMBO_TAG_FIGCAPTION ? claims::v1::SECTION_CAPTION
                                             : claims::v1::SECTION_BODY,
               blocks);
    } else {
      flush();
      CollectBlocks(child, blocks);
    }
  }
  flush();
}

// Readability-style scores: each substantial paragraph votes for its
// parent (and half for its grandparent); paragraph text is summed over
// every ancestor.
struct Scores {
  absl::flat_hash_map<const GumboNode*, double> score;
  absl::flat_hash_map<const GumboNode*, size_t> paragraph_text;
};

void ScoreParagraphs(const GumboNode* node, Scores* scores) {
  if (node->type != GUMBO_NODE_ELEMENT || IsFurniture(node)) return;
  if (IsElement(node, GUMBO_TAG_P) || IsElement(node, GUMBO_TAG_PRE)) {
    InlineText t = TextOf(node);
    if (t.text.size() < kMinScoredParagraph ||
        static_cast<double>(t.link_bytes) > kMaxLinkDensity * t.text.size()) {
      return;
    }
    const double score =
        1.0 + static_cast<double>(std::count(t.text.begin(), t.text.end(), ',')) +
        std::min(static_cast<double>(t.text.size()) / 100.0, 3.0);
    const GumboNode* parent = node->parent;
    if (parent != nullptr) scores->score[parent] += score;
    if (parent != nullptr && parent->parent != nullptr) {
      scores->score[parent->parent] += score / 2;
    }
    for (const GumboNode* a = parent; a != nullptr; a = a->parent) {
      scores->paragraph_text[a] += t.text.size();
    }
    return;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    ScoreParagraphs(static_cast<const GumboNode*>(children.data[i]), scores);
  }
}

const GumboNode* FindBody(const GumboNode* root) {
  const GumboVector& children = Children(root);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
    if (IsElement(child, GUMBO_TAG_BODY)) return child;
    if (child->type == GUMBO_NODE_ELEMENT) {
      if (const GumboNode* body = FindBody(child)) return body;
    }
  }
  return nullptr;
}

// The element that holds the article's text.
const GumboNode* ArticleContainer(const GumboNode* body) {
  Scores scores;
  ScoreParagraphs(body, &scores);
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const auto& [node, score] : scores.score) {
    // The page's own statement of where the article is wins.
    const bool marked = Attr(node, "itemprop") == "articleBody";
    const double s = marked ? score * 4 : score;
    // Ties go to the earlier element, so the choice does not depend on
    // the map's order.
    if (s > best_score ||
        (s == best_score && best != nullptr &&
         node->v.element.start_pos.offset < best->v.element.start_pos.offset)) {
      best = node;
      best_score = s;
    }
  }
  if (best == nullptr) return body;
  while (best->parent != nullptr && best != body &&
         best->parent->type == GUMBO_NODE_ELEMENT &&
         static_cast<double>(scores.paragraph_text[best->parent]) >
             kClimbRatio * static_cast<double>(scores.paragraph_text[best])) {
    best = best->parent;
  }
  return best;
}

// What the page says about itself.
struct PageMeta {
  std::string ld_headline, og_title, h1, title_tag;
  std::vector<std::string> ld_authors, meta_authors, byline_authors;
  std::string ld_date, meta_date, time_date;
};

std::string StringOf(const Value& v) {
  return v.kind_case() == Value::kStringValue ? v.string_value() : "";
}

void AddAuthorsFromJsonLd(const Value& v, std::vector<std::string>* out) {
  if (v.kind_case() == Value::kStringValue) {
    out->push_back(v.string_value());
  } else if (v.kind_case() == Value::kListValue) {
    for (const Value& item : v.list_value().values()) AddAuthorsFromJsonLd(item, out);
  } else if (v.kind_case() == Value::kStructValue) {
    auto name = v.struct_value().fields().find("name");
    if (name != v.struct_value().fields().end()) out->push_back(StringOf(name->second));
  }
}

bool IsArticleType(const Value& type) {
  auto is_article = [](absl::string_view t) {
    return std::find(std::begin(kArticleTypes), std::end(kArticleTypes), t) !=
           std::end(kArticleTypes);
  };
  if (type.kind_case() == Value::kStringValue) return is_article(type.string_value());
  if (type.kind_case() == Value::kListValue) {
    for (const Value& t : type.list_value().values()) {
      if (is_article(StringOf(t))) return true;
    }
  }
  return false;
}

void ReadJsonLd(const Value& v, PageMeta* meta) {
  if (v.kind_case() == Value::kListValue) {
    for (const Value& item : v.list_value().values()) ReadJsonLd(item, meta);
    return;
  }
  if (v.kind_case() != Value::kStructValue) return;
  const auto& fields = v.struct_value().fields();
  if (auto graph = fields.find("@graph"); graph != fields.end()) {
    ReadJsonLd(graph->second, meta);
  }
  auto type = fields.find("@type");
  if (type == fields.end() || !IsArticleType(type->second)) return;
  if (auto h = fields.find("headline"); h != fields.end() && meta->ld_headline.empty()) {
    meta->ld_headline = CollapseSpace(StringOf(h->second));
  }
  if (auto d = fields.find("datePublished"); d != fields.end() && meta->ld_date.empty()) {
    meta->ld_date = StringOf(d->second);
  }
  if (auto a = fields.find("author"); a != fields.end() && meta->ld_authors.empty()) {
    AddAuthorsFromJsonLd(a->second, &meta->ld_authors);
  }
}

std::string RawText(const GumboNode* node) {
  std::string out;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
        c->type == GUMBO_NODE_WHITESPACE) {
      out += c->v.text.text;
    }
  }
  return out;
}

const RE2& BylineNames() {
  static const RE2* re = new RE2("(?i)(byline|author)");
  return *re;
}

// One pass over the whole page for its metadata.
void ReadMeta(const GumboNode* node, PageMeta* meta) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_TITLE && meta->title_tag.empty()) {
    meta->title_tag = CollapseSpace(RawText(node));
  } else if (tag == GUMBO_TAG_META) {
    absl::string_view key = Attr(node, "property");
    if (key.empty()) key = Attr(node, "name");
    if (key.empty()) key = Attr(node, "itemprop");
    const std::string k = absl::AsciiStrToLower(key);
    const std::string content = CollapseSpace(Attr(node, "content"));
    if (k == "og:title" && meta->og_title.empty()) meta->og_title = content;
    if ((k == "author" || k == "article:author" || k == "byl" ||
         k == "sailthru.author") &&
        !absl::StartsWith(content, "http") && !content.empty()) {
      meta->meta_authors.push_back(content);
    }
    if ((k == "article:published_time" || k == "datepublished" ||
         k == "date" || k == "pubdate" || k == "publishdate" ||
         k == "dc.date" || k == "dc.date.issued") &&
        meta->meta_date.empty()) {
      meta->meta_date = content;
    }
  } else if (tag == GUMBO_TAG_SCRIPT &&
             absl::EqualsIgnoreCase(Attr(node, "type"), "application/ld+json")) {
    Value value;
    if (google::protobuf::util::JsonStringToMessage(RawText(node), &value).ok()) {
      ReadJsonLd(value, meta);
    }
    return;
  } else if (tag == GUMBO_TAG_H1 && meta->h1.empty() && !IsFurniture(node)) {
    meta->h1 = TextOf(node).text;
  } else if (tag == GUMBO_TAG_TIME && meta->time_date.empty()) {
    meta->time_date = std::string(Attr(node, "datetime"));
  }
  if (meta->byline_authors.empty() && tag != GUMBO_TAG_META &&
      tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML &&
      (RE2::PartialMatch(Piece(Attr(node, "class")), BylineNames()) ||
       Attr(node, "rel") == "author" || Attr(node, "itemprop") == "author")) {
    std::string text = TextOf(node).text;
    absl::string_view t = text;
    if (absl::ConsumePrefix(&t, "By ") || absl::ConsumePrefix(&t, "by ") ||
        absl::ConsumePrefix(&t, "BY ")) {
    }
    if (!t.empty() && t.size() < 100) {
      for (absl::string_view part :
           absl::StrSplit(t, absl::ByAnyChar(",&"), absl::SkipWhitespace())) {
        for (absl::string_view name : absl::StrSplit(part, " and ")) {
          name = absl::StripAsciiWhitespace(name);
          if (!name.empty()) meta->byline_authors.emplace_back(name);
        }
      }
    }
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    ReadMeta(static_cast<const GumboNode*>(children.data[i]), meta);
  }
}

// "Headline | Site name" -> "Headline".
std::string StripSiteName(const std::string& title) {
  for (const std::string sep : {" | ", " - ", " \u2013 ", " \u2014 "}) {
    size_t at = title.rfind(sep);
    if (at != std::string::npos && at > title.size() - at) {
      return title.substr(0, at);
    }
  }
  return title;
}

// The day of an ISO 8601 date or date-time, "" when it is not one.
std::string IsoDay(absl::string_view value) {
  static const RE2* re = new RE2("\\s*(\\d{4}-\\d{2}-\\d{2})([T\\s].*)?");
  std::string day;
  return RE2::FullMatch(Piece(value), *re, &day) ? day : "";
}

std::string FirstNonEmpty(std::initializer_list<const std::string*> values) {
  for (const std::string* v : values) {
    if (!v->empty()) return *v;
  }
  return "";
}

// Elements that never hold others open: void elements and those whose end
// tag may be left out (the next sibling closes them).
bool OpensNoNesting(absl::string_view name) {
  static constexpr absl::string_view kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
      "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
      "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
      "colgroup", "caption", "rb", "rt", "rtc", "rp"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// An upper bound of the element nesting the page's tags produce, read from
// the tags alone so a hostile page is refused before it is parsed.
size_t TagNestingBound(absl::string_view html) {
  size_t depth = 0, deepest = 0;
  for (size_t i = html.find('<'); i != absl::string_view::npos && i + 1 < html.size();
       i = html.find('<', i + 1)) {
    const char next = html[i + 1];
    if (next == '/') {
      if (depth > 0) --depth;
      continue;
    }
    if (!absl::ascii_isalpha(static_cast<unsigned char>(next))) continue;
    size_t end = i + 1;
    while (end < html.size() && absl::ascii_isalnum(static_cast<unsigned char>(html[end]))) {
      ++end;
    }
    const std::string name = absl::AsciiStrToLower(html.substr(i + 1, end - i - 1));
    const size_t close = html.find('>', end);
    if (close == absl::string_view::npos) break;
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      // Raw text: what looks like tags inside is text.
      const std::string lower_end = "</" + name;
      size_t j = close;
      while (j != absl::string_view::npos &&
             !absl::StartsWithIgnoreCase(html.substr(j), lower_end)) {
        j = html.find('<', j + 1);
      }
      if (j == absl::string_view::npos) break;
      i = j;
      continue;
    }
    if (html[close - 1] == '/' || OpensNoNesting(name)) continue;
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

}  // namespace

bool LooksLikeHtml(absl::string_view body) {
  absl::ConsumePrefix(&body, "\xEF\xBB\xBF");
  body = absl::StripLeadingAsciiWhitespace(body);
  if (body.empty() || body[0] != '<') return false;
  std::string head = absl::AsciiStrToLower(body.substr(0, 4096));
  if (absl::StartsWith(head, "<!doctype html") || absl::StartsWith(head, "<html")) {
    return true;
  }
  for (absl::string_view tag : {"<p>", "<p ", "<div", "<body", "<article", "<br"}) {
    if (absl::StrContains(head, tag)) return true;
  }
  return false;
}

absl::StatusOr<HtmlDocument> ExtractHtmlDocument(absl::string_view html) {
  if (TagNestingBound(html) > kMaxNesting) {
    return absl::InvalidArgumentError(absl::StrCat(
        "body: HTML elements nested deeper than ", kMaxNesting));
  }
  std::unique_ptr<GumboOutput, GumboDeleter> output(gumbo_parse_with_options(
      &kGumboDefaultOptions, html.data(), html.size()));
  if (output == nullptr || output->root == nullptr) {
    return absl::InvalidArgumentError("body: the HTML does not parse");
  }
  PageMeta meta;
  ReadMeta(output->root, &meta);
  std::vector<Block> blocks;
  if (const GumboNode* body = FindBody(output->document)) {
    CollectBlocks(ArticleContainer(body), &blocks);
  }

  HtmlDocument doc;
  ArticleLayout& layout = doc.layout;
  const std::string stripped_title = StripSiteName(meta.title_tag);
  layout.title = FirstNonEmpty({&meta.ld_headline, &meta.og_title, &meta.h1,
                                &stripped_title});
  for (const auto* authors : {&meta.ld_authors, &meta.meta_authors,
                              &meta.byline_authors}) {
    if (!authors->empty()) {
      layout.authors = *authors;
      break;
    }
  }
  for (const std::string* date : {&meta.ld_date, &meta.meta_date, &meta.time_date}) {
    layout.date_text = IsoDay(*date);
    if (!layout.date_text.empty()) break;
  }

  auto append = [&](const std::string& text, Section section) {
    if (!doc.text.empty()) doc.text += "\n\n";
    const size_t start = doc.text.size();
    doc.text += text;
    layout.blocks.push_back({start, doc.text.size(), section});
  };
  if (!layout.title.empty()) append(layout.title, claims::v1::SECTION_TITLE);
  for (const Block& block : blocks) {
    // The headline again inside the article.
    if (block.section == claims::v1::SECTION_HEADING && block.text == layout.title) {
      continue;
    }
    append(block.text, block.section);
  }
  if (layout.blocks.empty() ||
      (layout.blocks.size() == 1 && blocks.empty())) {
    return absl::InvalidArgumentError(
        "body: the HTML page holds no readable article text");
  }
  return doc;
}

}  // namespace claims::text
