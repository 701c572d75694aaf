#include "common/text/layout.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text/utf8.h"

namespace claims::text {
namespace {

using claims::v1::Section;

struct Line {
  size_t start;  // first byte
  size_t end;    // end of content, without the line break
  absl::string_view text;
};

std::vector<Line> SplitLines(absl::string_view body) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == absl::string_view::npos) nl = body.size();
    size_t end = nl;
    if (end > pos && body[end - 1] == '\r') --end;
    lines.push_back({pos, end, body.substr(pos, end - pos)});
    if (nl == body.size()) break;
    pos = nl + 1;
  }
  return lines;
}

// Trims ASCII and Unicode white space; returns the trimmed span in *s, *e.
void TrimSpan(absl::string_view body, size_t* s, size_t* e) {
  while (*s < *e) {
    size_t len;
    char32_t c = DecodeAt(body, *s, &len);
    if (!IsSpace(c)) break;
    *s += len;
  }
  while (*e > *s) {
    size_t len;
    char32_t c = DecodeBefore(body, *e, &len);
    if (!IsSpace(c)) break;
    *e -= len;
  }
}

bool IsBlank(absl::string_view s) {
  return absl::StripAsciiWhitespace(s).empty();
}

// Header fields understood in "Key: value" and "- Key: value" lines.
enum class Field { kTitle, kAuthor, kDate, kIgnored };

std::optional<Field> FieldFor(absl::string_view key) {
  std::string k = absl::AsciiStrToLower(absl::StripAsciiWhitespace(key));
  if (k == "title" || k == "headline") return Field::kTitle;
  if (k == "author" || k == "authors" || k == "by" || k == "byline") {
    return Field::kAuthor;
  }
  if (k == "date" || k == "published" || k == "publication date" ||
      k == "dateline") {
    return Field::kDate;
  }
  if (k == "url" || k == "id" || k == "source" || k == "updated") {
    return Field::kIgnored;
  }
  return std::nullopt;
}

// "Key: value" with a short alphabetic key, else nullopt.
std::optional<std::pair<absl::string_view, absl::string_view>> KeyValue(
    absl::string_view line) {
  size_t colon = line.find(':');
  if (colon == absl::string_view::npos || colon == 0 || colon > 24) {
    return std::nullopt;
  }
  absl::string_view key = line.substr(0, colon);
  if (!absl::ascii_isupper(static_cast<unsigned char>(key[0]))) {
    return std::nullopt;
  }
  for (char c : key) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c)) && c != ' ' &&
        c != '-') {
      return std::nullopt;
    }
  }
  if (colon + 1 < line.size() && line[colon + 1] != ' ') return std::nullopt;
  return std::make_pair(key, absl::StripAsciiWhitespace(line.substr(colon + 1)));
}

bool IsDashLine(absl::string_view line) {
  return line == "-" || absl::StartsWith(line, "- ");
}

std::vector<std::string> SplitAuthors(absl::string_view s) {
  std::vector<std::string> out;
  for (absl::string_view part :
       absl::StrSplit(s, absl::ByAnyChar(",;&"), absl::SkipWhitespace())) {
    absl::string_view p = absl::StripAsciiWhitespace(part);
    if (absl::StartsWithIgnoreCase(p, "and ")) p.remove_prefix(4);
    if (absl::StartsWithIgnoreCase(p, "by ")) p.remove_prefix(3);
    for (absl::string_view q : absl::StrSplit(p, " and ")) {
      q = absl::StripAsciiWhitespace(q);
      if (!q.empty() && q != "-") out.emplace_back(q);
    }
  }
  return out;
}

bool EndsWithSentencePunct(absl::string_view s) {
  s = absl::StripTrailingAsciiWhitespace(s);
  if (s.empty()) return false;
  size_t len;
  char32_t c = DecodeBefore(s, s.size(), &len);
  switch (c) {
    case '.': case '!': case '?': case ':': case ';': case ',': case '"':
    case 0x201D: case 0x2019: case ')': case 0x2026:
      return true;
    default:
      return false;
  }
}

bool StartsLower(absl::string_view s) {
  if (s.empty()) return false;
  size_t len;
  return IsLower(DecodeAt(s, 0, &len));
}

size_t CountWords(absl::string_view s) {
  return static_cast<size_t>(
      std::count_if(absl::StrSplit(s, ' ', absl::SkipWhitespace()).begin(),
                    absl::StrSplit(s, ' ', absl::SkipWhitespace()).end(),
                    [](absl::string_view) { return true; }));
}

bool IsCaptionStart(absl::string_view s) {
  return absl::StartsWithIgnoreCase(s, "Image Caption:") ||
         absl::StartsWithIgnoreCase(s, "Caption:") ||
         absl::StartsWithIgnoreCase(s, "Photo caption:");
}

bool IsAboutAuthor(absl::string_view s) {
  std::string k = absl::AsciiStrToLower(absl::StripAsciiWhitespace(s));
  return k == "about the author" || k == "about the authors" ||
         k == "about the writer";
}

// Short, unpunctuated, capitalised line followed by more text.
bool LooksLikeHeading(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (s.empty() || s.size() > 100 || StartsLower(s)) return false;
  if (EndsWithSentencePunct(s)) return false;
  size_t words = CountWords(s);
  return words >= 1 && words <= 12;
}

}  // namespace

absl::StatusOr<ArticleLayout> ParseLayout(absl::string_view body) {
  ArticleLayout layout;
  std::vector<Line> lines = SplitLines(body);
  size_t first_body_line = 0;

  auto add_block = [&](size_t s, size_t e, Section section) {
    TrimSpan(body, &s, &e);
    if (s < e) layout.blocks.push_back({s, e, section});
  };
  auto set_date = [&](const Line& line, absl::string_view value) {
    if (value.empty() || value == "-") return;
    layout.date_text = std::string(value);
    layout.date_start = static_cast<size_t>(value.data() - body.data());
    layout.date_end = layout.date_start + value.size();
  };

  // Skip leading blank lines.
  size_t i0 = 0;
  while (i0 < lines.size() && IsBlank(lines[i0].text)) ++i0;

  // Seed layout: title, then "- " lines.
  if (i0 + 2 < lines.size() && !IsBlank(lines[i0].text) &&
      !IsDashLine(lines[i0].text) && IsDashLine(lines[i0 + 1].text) &&
      IsDashLine(lines[i0 + 2].text)) {
    layout.has_header = true;
    layout.title = std::string(absl::StripAsciiWhitespace(lines[i0].text));
    add_block(lines[i0].start, lines[i0].end, claims::v1::SECTION_TITLE);
    size_t positional = 0;
    size_t i = i0 + 1;
    for (; i < lines.size() && IsDashLine(lines[i].text); ++i) {
      const Line& line = lines[i];
      absl::string_view value =
          line.text == "-" ? "" : absl::StripAsciiWhitespace(line.text.substr(2));
      add_block(line.start, line.end, claims::v1::SECTION_BYLINE);
      Field field;
      if (auto kv = KeyValue(value)) {
        auto f = FieldFor(kv->first);
        if (!f) {
          return absl::InvalidArgumentError(absl::StrCat(
              "unknown field \"", kv->first, "\" in plain-text header line ",
              i + 1));
        }
        field = *f;
        value = kv->second;
      } else if (positional == 0) {
        field = Field::kAuthor;
      } else if (positional == 1) {
        field = Field::kDate;
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown field in plain-text header line ", i + 1, ": \"",
            value.substr(0, 60), "\""));
      }
      ++positional;
      if (field == Field::kAuthor && value != "-") {
        layout.authors = SplitAuthors(value);
      } else if (field == Field::kDate) {
        set_date(line, value);
      } else if (field == Field::kTitle) {
        layout.title = std::string(value);
      }
    }
    first_body_line = i;
  } else if (i0 < lines.size()) {
    // "Key: value" header ended by a blank line.
    auto kv = KeyValue(lines[i0].text);
    if (kv && FieldFor(kv->first) && *FieldFor(kv->first) != Field::kIgnored) {
      size_t i = i0;
      for (; i < lines.size() && !IsBlank(lines[i].text); ++i) {
        auto field_kv = KeyValue(lines[i].text);
        if (!field_kv) {
          return absl::InvalidArgumentError(absl::StrCat(
              "malformed plain-text header line ", i + 1,
              ": expected \"Key: value\""));
        }
        auto f = FieldFor(field_kv->first);
        if (!f) {
          return absl::InvalidArgumentError(
              absl::StrCat("unknown field \"", field_kv->first,
                           "\" in plain-text header line ", i + 1));
        }
        add_block(lines[i].start, lines[i].end,
                  *f == Field::kTitle ? claims::v1::SECTION_TITLE
                                      : claims::v1::SECTION_BYLINE);
        if (*f == Field::kTitle) layout.title = std::string(field_kv->second);
        if (*f == Field::kAuthor) layout.authors = SplitAuthors(field_kv->second);
        if (*f == Field::kDate) set_date(lines[i], field_kv->second);
      }
      layout.has_header = true;
      first_body_line = i;
    }
  }

  // Body paragraphs.
  bool in_bio = false;
  for (size_t i = first_body_line; i < lines.size(); ++i) {
    const Line& line = lines[i];
    absl::string_view text = absl::StripAsciiWhitespace(line.text);
    if (text.empty()) continue;
    // Hard-wrapped paragraph: join following lines that continue it.
    size_t end = line.end;
    while (i + 1 < lines.size() && !IsBlank(lines[i + 1].text) &&
           !EndsWithSentencePunct(body.substr(line.start, end - line.start)) &&
           StartsLower(absl::StripLeadingAsciiWhitespace(lines[i + 1].text))) {
      ++i;
      end = lines[i].end;
    }
    absl::string_view para = body.substr(line.start, end - line.start);
    if (IsAboutAuthor(para)) {
      add_block(line.start, end, claims::v1::SECTION_HEADING);
      in_bio = true;
      continue;
    }
    if (IsCaptionStart(absl::StripLeadingAsciiWhitespace(para))) {
      add_block(line.start, end, claims::v1::SECTION_CAPTION);
      continue;
    }
    bool more_follows = false;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (!IsBlank(lines[j].text)) {
        more_follows = true;
        break;
      }
    }
    if (in_bio) {
      add_block(line.start, end, claims::v1::SECTION_AUTHOR_BIO);
    } else if (more_follows && LooksLikeHeading(para)) {
      add_block(line.start, end, claims::v1::SECTION_HEADING);
    } else {
      add_block(line.start, end, claims::v1::SECTION_BODY);
    }
  }
  return layout;
}

}  // namespace claims::text
