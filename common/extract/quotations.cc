#include "common/extract/quotations.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "common/syntax/syntax_types.h"

namespace claims {
namespace {

using claims::v1::Claim;

bool IsWord(const text::Token& t) { return t.is_word || t.is_number; }

bool IsQuoteMark(const text::Token& t) { return syntax::IsQuotationMark(t.text); }

// Whether a paragraph ends between sentences i - 1 and i.
bool ParagraphBreakBefore(absl::string_view body, const std::vector<SentenceTokens>& s,
                          size_t i) {
  if (i == 0) return true;
  const size_t from = s[i - 1].end;
  const size_t to = s[i].start;
  return from < to && to <= body.size() && body.substr(from, to - from).find('\n') !=
                                               absl::string_view::npos;
}

bool WordsBetween(const std::vector<text::Token>& t, size_t begin, size_t end) {
  for (size_t k = begin; k < end && k < t.size(); ++k) {
    if (IsWord(t[k])) return true;
  }
  return false;
}

// Where a quotation opened: sentence and token.
struct Mark {
  size_t sentence = 0;
  size_t token = 0;
};

// Records the sentences inside the quotation from `open` to `close`.
void Attribute(const std::vector<SentenceTokens>& s, Mark open, Mark close,
               std::vector<int>* out) {
  if (open.sentence == close.sentence) return;
  const std::vector<text::Token>& last = s[close.sentence].tokens;
  const std::vector<text::Token>& first = s[open.sentence].tokens;
  const bool speaker_after = WordsBetween(last, close.token + 1, last.size());
  const bool speaker_before = WordsBetween(first, 0, open.token);
  size_t by;
  if (speaker_after) {
    by = close.sentence;
  } else if (speaker_before) {
    by = open.sentence;
  } else {
    return;
  }
  for (size_t i = open.sentence; i <= close.sentence; ++i) {
    if (i == by || (i == open.sentence && speaker_before) ||
        (i == close.sentence && speaker_after)) {
      continue;  // the sentence holds words outside the quotation
    }
    (*out)[i] = static_cast<int>(by);
  }
}

// Whether the sentence is one quotation and nothing else ("\"We won.\"").
bool WhollyQuoted(const std::vector<text::Token>& t) {
  size_t last = t.size();
  while (last > 0 && !IsWord(t[last - 1]) && !IsQuoteMark(t[last - 1])) --last;
  if (last < 2 || !IsQuoteMark(t[0]) || !IsQuoteMark(t[last - 1])) return false;
  for (size_t k = 1; k + 1 < last; ++k) {
    if (IsQuoteMark(t[k])) return false;
  }
  return true;
}

// Whether the sentence quotes somebody it names outside the quotation
// ("\"We won,\" she said.").
bool AttributesAQuotation(const std::vector<text::Token>& t) {
  bool inside = false;
  bool quotes = false;
  bool outside_words = false;
  for (const text::Token& tok : t) {
    if (IsQuoteMark(tok)) {
      inside = !inside;
      quotes = true;
    } else if (!inside && IsWord(tok)) {
      outside_words = true;
    }
  }
  return quotes && outside_words;
}

}  // namespace

std::vector<int> QuotationAttributions(absl::string_view body,
                                       const std::vector<SentenceTokens>& sentences) {
  std::vector<int> out(sentences.size(), -1);
  bool open = false;
  Mark opened;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (ParagraphBreakBefore(body, sentences, i)) open = false;
    const std::vector<text::Token>& t = sentences[i].tokens;
    for (size_t k = 0; k < t.size(); ++k) {
      if (!IsQuoteMark(t[k])) continue;
      const bool closing = t[k].text == "\xe2\x80\x9d" || (t[k].text == "\"" && open);
      if (!closing) {
        open = true;
        opened = {i, k};
      } else if (open) {
        Attribute(sentences, opened, {i, k}, &out);
        open = false;
      }
    }
  }
  // "\"We won,\" she said. \"It was hard.\"": a sentence that is one
  // quotation goes on with the speaker of the quotation right before it.
  for (size_t i = 1; i < sentences.size(); ++i) {
    if (out[i] >= 0 || !WhollyQuoted(sentences[i].tokens)) continue;
    const size_t before = i - 1;
    if (out[before] >= 0) {
      out[i] = out[before];
    } else if (AttributesAQuotation(sentences[before].tokens)) {
      out[i] = static_cast<int>(before);
    }
  }
  return out;
}

namespace {

// The reported claim of sentence `s` with a source (one with a quote first).
const Claim* Speaker(const std::vector<const Claim*>& of_sentence) {
  const Claim* found = nullptr;
  for (const Claim* c : of_sentence) {
    if (c->modality() != claims::v1::REPORTED || !c->has_modality_source()) continue;
    if (c->has_quote()) return c;
    if (found == nullptr) found = c;
  }
  return found;
}

// The sentence's words without its quotation marks.
void SetQuote(absl::string_view body, const SentenceTokens& s, const Claim* speaker, Claim* c) {
  size_t first = 0;
  size_t last = s.tokens.size();
  while (first < last && IsQuoteMark(s.tokens[first])) ++first;
  while (last > first && IsQuoteMark(s.tokens[last - 1])) --last;
  if (first == last) return;
  const size_t a = s.tokens[first].start;
  const size_t b = s.tokens[last - 1].end;
  if (b > body.size()) return;
  auto* q = c->mutable_quote();
  q->set_start(static_cast<uint32_t>(a));
  q->set_end(static_cast<uint32_t>(b));
  q->set_text(std::string(body.substr(a, b - a)));
  if (speaker != nullptr) *q->mutable_speaker() = speaker->modality_source();
}

void Report(const Claim* speaker, Claim* c) {
  if (c->modality() == claims::v1::REPORTED && c->has_modality_source()) return;
  if (c->modality() != claims::v1::REPORTED) {
    c->set_content_modality(c->modality());
    c->set_modality(claims::v1::REPORTED);
  }
  auto* e = c->add_evidence();
  e->set_field("modality");
  e->set_cue("quotation");
  if (speaker == nullptr) return;
  *c->mutable_modality_source() = speaker->modality_source();
  for (const auto& from : speaker->evidence()) {
    if (from.field() == "modality_source") *c->add_evidence() = from;
  }
}

}  // namespace

void AttributeQuotations(absl::string_view body, const std::vector<int>& attribution,
                         const std::vector<SentenceTokens>& sentences,
                         google::protobuf::RepeatedPtrField<Claim>* claims) {
  absl::flat_hash_map<size_t, size_t> sentence_at;
  for (size_t i = 0; i < sentences.size(); ++i) sentence_at.emplace(sentences[i].start, i);
  std::vector<std::vector<Claim*>> by_sentence(sentences.size());
  for (Claim& c : *claims) {
    auto it = sentence_at.find(c.start());
    if (it != sentence_at.end()) by_sentence[it->second].push_back(&c);
  }
  for (size_t i = 0; i < sentences.size() && i < attribution.size(); ++i) {
    if (attribution[i] < 0 || by_sentence[i].empty()) continue;
    const auto& from = by_sentence[static_cast<size_t>(attribution[i])];
    const Claim* speaker = Speaker(std::vector<const Claim*>(from.begin(), from.end()));
    for (Claim* c : by_sentence[i]) {
      Report(speaker, c);
      if (!c->has_quote()) SetQuote(body, sentences[i], speaker, c);
    }
  }
}

}  // namespace claims
