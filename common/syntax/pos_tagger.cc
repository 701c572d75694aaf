#include "common/syntax/pos_tagger.h"

#include <algorithm>
#include <random>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/learn/features.h"
#include "common/learn/perceptron.h"
#include "common/syntax/word_features.h"

namespace claims::syntax {
namespace internal {

constexpr uint64_t kNone = 0x5eed;  // stands for a word or tag off the edge

struct TaggerContext {
  std::vector<WordHashes> words;
  std::vector<int> tags;  // predicted so far
  const WordHashes* At(int i) const {
    return i >= 0 && i < static_cast<int>(words.size()) ? &words[i] : nullptr;
  }
  uint64_t TagAt(int i) const { return i >= 0 ? static_cast<uint64_t>(tags[i]) : kNone; }
};

}  // namespace internal

namespace {

using learn::FeatureVector;

// Feature templates. DO NOT CHANGE without bumping kFeatureVersion: the ids
// are embedded in model files.
enum Template : uint32_t {
  kBias = 1, kLower, kForm, kShape, kPrefix1, kPrefix2, kPrefix3,
  kSuffix1, kSuffix2, kSuffix3, kSuffix4, kSuffix5,
  kPrevTag, kPrev2Tags, kPrevTagLower, kPrevLower, kPrevSuffix3, kPrev2Lower,
  kNextLower, kNextSuffix3, kNext2Lower, kPrevShapeShapeNextShape,
  kPrevLowerLower, kLowerNextLower, kFirstCapitalized, kHyphenDigitCaps,
  kPrevTagSuffix3,
};

static_assert(kSuffix5 == kLower + 10, "AddSpellingFeatures fills kLower .. kSuffix5");

using internal::kNone;
using Context = internal::TaggerContext;

void Features(const Context& c, int i, FeatureVector* f) {
  f->clear();
  const WordHashes& w = c.words[i];
  const WordHashes* p1 = c.At(i - 1);
  const WordHashes* p2 = c.At(i - 2);
  const WordHashes* n1 = c.At(i + 1);
  const WordHashes* n2 = c.At(i + 2);
  const uint64_t t1 = c.TagAt(i - 1), t2 = c.TagAt(i - 2);
  f->Add(kBias, 0);
  AddSpellingFeatures(w, kLower, 5, f);  // kLower .. kSuffix5
  f->Add(kPrevTag, t1);
  f->Add(kPrev2Tags, t1, t2);
  f->Add(kPrevTagLower, t1, w.lower);
  f->Add(kPrevTagSuffix3, t1, w.suffix[2]);
  f->Add(kPrevLower, p1 ? p1->lower : kNone);
  f->Add(kPrevSuffix3, p1 ? p1->suffix[2] : kNone);
  f->Add(kPrev2Lower, p2 ? p2->lower : kNone);
  f->Add(kNextLower, n1 ? n1->lower : kNone);
  f->Add(kNextSuffix3, n1 ? n1->suffix[2] : kNone);
  f->Add(kNext2Lower, n2 ? n2->lower : kNone);
  f->Add(kPrevShapeShapeNextShape, p1 ? p1->shape : kNone, w.shape,
         n1 ? n1->shape : kNone);
  f->Add(kPrevLowerLower, p1 ? p1->lower : kNone, w.lower);
  f->Add(kLowerNextLower, w.lower, n1 ? n1->lower : kNone);
  f->Add(kFirstCapitalized, i == 0, w.capitalized);
  f->Add(kHyphenDigitCaps, w.has_hyphen * 4 + w.has_digit * 2 + w.all_caps);
}

Context MakeContext(const SyntaxSentence& sentence) {
  Context c;
  c.words.reserve(sentence.size());
  for (const SyntaxWord& w : sentence) c.words.push_back(HashWord(w.form));
  c.tags.assign(sentence.size(), 0);
  return c;
}

std::string ClassName(const SyntaxWord& w) {
  return absl::StrCat(UposName(w.upos), "|", w.xpos);
}

}  // namespace

absl::StatusOr<PosTagger> PosTagger::Load(const std::string& path) {
  absl::StatusOr<learn::LinearModel> model = learn::LinearModel::Load(path);
  if (!model.ok()) return model.status();
  return FromModel(*std::move(model));
}

absl::StatusOr<PosTagger> PosTagger::FromModel(learn::LinearModel model) {
  if (model.Meta("features") != kFeatureVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("not a tagger model of feature version ", kFeatureVersion));
  }
  std::vector<Tag_> tags;
  for (const std::string& name : model.classes()) {
    std::pair<std::string, std::string> parts = absl::StrSplit(name, '|');
    std::optional<Upos> upos = ParseUpos(parts.first);
    if (!upos) return absl::FailedPreconditionError(absl::StrCat("bad tag class ", name));
    tags.push_back(Tag_{*upos, parts.second});
  }
  return PosTagger(std::move(model), std::move(tags));
}

PosTagger::PosTagger(learn::LinearModel model, std::vector<Tag_> tags)
    : model_(std::move(model)), tags_(std::move(tags)) {
  // Verb tags: VB, VBD, VBG, VBN, VBP, VBZ, as VERB or AUX (not the modal
  // MD: "May", "Could" open sentences and are no verb forms).
  for (size_t k = 0; k < tags_.size(); ++k) {
    const Tag_& t = tags_[k];
    not_verb_.push_back(!absl::StartsWith(t.xpos, "VB"));
    verb_.push_back(absl::StartsWith(t.xpos, "VB"));
    not_proper_.push_back(t.upos != Upos::kPropn);
    not_base_or_finite_.push_back(t.xpos != "VB" && t.xpos != "VBP" && t.xpos != "VBZ" &&
                        t.xpos != "VBD" && t.xpos != "MD");
    finite_.push_back(IsFiniteTag(t.xpos));
    if (t.upos == Upos::kVerb && t.xpos == "VBD") past_class_ = static_cast<int>(k);
    if (t.upos == Upos::kPunct && t.xpos == "``") open_quote_class_ = static_cast<int>(k);
    if (t.upos == Upos::kPunct && t.xpos == "''") close_quote_class_ = static_cast<int>(k);
  }
}

namespace {

// "looters" -> "looter", "churches" -> "church", "militias" -> "militia",
// "bodies" -> "body": whether a lower-case form ending in "s" is the
// plural of a dictionary word.
bool IsPluralOfWord(absl::string_view lower, const PosTagger::WordTest& is_word) {
  if (lower.size() < 4 || lower.back() != 's' || lower[lower.size() - 2] == 's') return false;
  if (is_word(lower.substr(0, lower.size() - 1))) return true;
  if (absl::EndsWith(lower, "es") && is_word(lower.substr(0, lower.size() - 2))) return true;
  return absl::EndsWith(lower, "ies") &&
         is_word(absl::StrCat(lower.substr(0, lower.size() - 3), "y"));
}

}  // namespace

absl::Span<const bool> PosTagger::Allowed(const std::string& form,
                                          const TagDictionary* dictionary) const {
  if (dictionary == nullptr || !dictionary->is_verb_form || form.empty()) return {};
  const auto not_verb = absl::MakeConstSpan(not_verb_.data(), not_verb_.size());
  if (absl::ascii_isupper(static_cast<unsigned char>(form[0]))) {
    const bool verb = dictionary->is_verb_form(absl::AsciiStrToLower(form)) &&
                      !(dictionary->is_name && dictionary->is_name(form));
    return verb ? absl::Span<const bool>() : not_verb;
  }
  if (dictionary->is_verb_only && dictionary->is_verb_only(form)) {
    return absl::MakeConstSpan(verb_.data(), verb_.size());
  }
  if (!dictionary->is_word || form.back() != 's') return {};
  const std::string lower = absl::AsciiStrToLower(form);
  return IsPluralOfWord(lower, dictionary->is_word) && !dictionary->is_verb_form(lower)
             ? not_verb
             : absl::Span<const bool>();
}

int PosTagger::BestAmong(const float* scores, absl::Span<const bool> mask) const {
  int best = -1;
  for (size_t k = 0; k < mask.size(); ++k) {
    if (mask[k] && (best < 0 || scores[k] > scores[best])) best = static_cast<int>(k);
  }
  return best;
}

bool PosTagger::AfterBe(const SyntaxSentence& sentence, const Context& c, size_t i) const {
  static const auto* const kBe = new absl::flat_hash_set<std::string>(
      {"be", "is", "was", "are", "were", "been", "being", "am"});
  static const auto* const kDo =
      new absl::flat_hash_set<std::string>({"do", "does", "did", "done", "doing"});
  size_t k = i;
  while (k > 0 && absl::StartsWith(tags_[c.tags[k - 1]].xpos, "RB")) --k;  // "not", "no longer"
  if (k == 0) return false;
  const Tag_& tag = tags_[c.tags[k - 1]];
  if ((tag.upos != Upos::kAux && tag.upos != Upos::kVerb) ||
      !kBe->contains(absl::AsciiStrToLower(sentence[k - 1].form))) {
    return false;
  }
  // A pseudo-cleft names the verb's base form after "be": "all you have to
  // do is sign up", "what he did was change sides".
  for (size_t j = 0; j + 1 < k; ++j) {
    if (kDo->contains(absl::AsciiStrToLower(sentence[j].form))) return false;
  }
  return true;
}

void PosTagger::Decode(const SyntaxSentence& sentence, const TagDictionary* dictionary,
                       int from, Context* c) const {
  FeatureVector f, next;
  std::vector<float> scores(model_.num_classes());
  for (size_t i = from; i < sentence.size(); ++i) {
    Features(*c, static_cast<int>(i), &f);
    if (i + 1 < sentence.size()) {
      // The next word's features (all but the four that read this word's
      // tag, still 0 here) start loading while this word is scored.
      Features(*c, static_cast<int>(i + 1), &next);
      model_.Prefetch(next.keys());
    }
    const std::string& form = sentence[i].form;
    int best = model_.Best(f.keys(), scores.data(), Allowed(form, dictionary));
    // A lower-case verb form inside a sentence is no name ("Israel struck
    // Gaza": "struck" between two names is no part of them). The
    // dictionary is asked only when the tagger says "name".
    if (tags_[best].upos == Upos::kPropn && dictionary != nullptr && dictionary->is_verb_form &&
        !form.empty() && absl::ascii_islower(static_cast<unsigned char>(form[0])) &&
        dictionary->is_verb_form(form)) {
      best = BestAmong(scores.data(), not_proper_);
    }
    // A base or finite form right after "be" is an adjective or participle
    // the greedy left-to-right choice misread ("was no longer fit").
    if (!not_base_or_finite_[best] && AfterBe(sentence, *c, i)) {
      best = BestAmong(scores.data(), not_base_or_finite_);
    }
    c->tags[i] = best;
  }
}

namespace {

bool IsRelativePronoun(absl::string_view word) {
  const std::string lower = absl::AsciiStrToLower(word);
  return lower == "who" || lower == "whose" || lower == "whom" || lower == "which";
}

}  // namespace

int PosTagger::UnfinishedClause(const SyntaxSentence& sentence, const Context& c,
                                const WordTest& is_verb_form) const {
  const size_t n = sentence.size();
  if (past_class_ < 0 || n < 3) return -1;
  const bool any_finite =
      std::any_of(c.tags.begin(), c.tags.end(), [&](int t) { return finite_[t] != 0; });
  // The clause a word closes: from the last comma (or colon, semicolon)
  // before it, with no finite verb or auxiliary of its own.
  auto clause_has_verb = [&](size_t i) {
    for (size_t k = i; k-- > 0;) {
      const std::string& f = sentence[k].form;
      if (f == "," || f == ";" || f == ":") return false;
      if (finite_[c.tags[k]] || tags_[c.tags[k]].upos == Upos::kAux) return true;
    }
    return false;
  };
  // True when t[i - 1] is the comma that closes a parenthesis after the
  // sentence's first noun phrase ("Sedibeng Foods, a grocery chain,
  // warned"; not the opening one of "The man, injured in the blast, ...")
  // and no verb came before it.
  // The parenthesis may be a relative clause with verbs of its own
  // ("Gutierrez, who is in Brazil, denied ...").
  auto closes_apposition = [&](size_t i) {
    if (sentence[i - 1].form != ",") return false;
    size_t first_comma = i - 1;
    bool relative = false;
    for (size_t k = 0; k + 1 < i; ++k) {
      const bool verb = finite_[c.tags[k]] || tags_[c.tags[k]].upos == Upos::kAux ||
                        tags_[c.tags[k]].upos == Upos::kVerb;
      if (verb && !relative) return false;
      if (sentence[k].form == "," && first_comma == i - 1) {
        first_comma = k;
        relative = k + 2 < i && IsRelativePronoun(sentence[k + 1].form);
      }
    }
    if (first_comma == i - 1 || first_comma == 0) return false;
    const Upos head = tags_[c.tags[first_comma - 1]].upos;
    return head == Upos::kNoun || head == Upos::kPropn;
  };
  // "S, a police spokesman said.": word i is in a clause before the last
  // comma that opens with a noun phrase (not "According to a report
  // published by ..., growth will slow") and has no finite verb, all of
  // them coming after that comma. Asked only of candidates.
  auto before_postposed_saying = [&](size_t i) {
    size_t last_comma = 0;
    for (size_t k = 0; k < n; ++k) {
      if (sentence[k].form == ",") last_comma = k;
    }
    if (i >= last_comma) return false;
    const Upos first = tags_[c.tags[0]].upos;
    if (first != Upos::kDet && first != Upos::kNoun && first != Upos::kPropn &&
        first != Upos::kAdj && first != Upos::kNum && first != Upos::kPron) {
      return false;
    }
    for (size_t k = 0; k < last_comma; ++k) {
      if (finite_[c.tags[k]] || tags_[c.tags[k]].upos == Upos::kAux) return false;
    }
    return true;
  };
  for (size_t i = 1; i < n; ++i) {
    const Upos before = tags_[c.tags[i - 1]].upos;
    const std::string& form = sentence[i].form;
    if (tags_[c.tags[i]].xpos != "VBN" || form.empty() ||
        !absl::ascii_islower(static_cast<unsigned char>(form[0])) || !is_verb_form(form)) {
      continue;
    }
    if (closes_apposition(i)) return static_cast<int>(i);
    if (before != Upos::kNoun && before != Upos::kPropn && before != Upos::kPron) continue;
    // No finite verb anywhere; or the participle closes its clause before
    // "that" or the sentence's end ("..., the ministry estimated.", "the
    // ministry estimated that ...") with none in that clause.
    const bool closes = i + 1 == n || (i + 2 == n && sentence[i + 1].form == ".") ||
                        absl::AsciiStrToLower(sentence[i + 1].form) == "that";
    if (!any_finite || (closes && !clause_has_verb(i)) || before_postposed_saying(i)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

void PosTagger::PairStraightQuotes(const SyntaxSentence& sentence, Context* c) const {
  if (open_quote_class_ < 0 || close_quote_class_ < 0) return;
  // An odd count: a quotation that spans sentences, whose marks here the
  // count cannot tell apart.
  const auto count = std::count_if(sentence.begin(), sentence.end(),
                                   [](const SyntaxWord& w) { return w.form == "\""; });
  if (count % 2 != 0) return;
  bool open = false;
  for (size_t i = 0; i < sentence.size(); ++i) {
    if (sentence[i].form != "\"") continue;
    open = !open;
    c->tags[i] = open ? open_quote_class_ : close_quote_class_;
  }
}

void PosTagger::Tag(SyntaxSentence* sentence, const TagDictionary* dictionary) const {
  Context c = MakeContext(*sentence);
  Decode(*sentence, dictionary, 0, &c);
  // A clause with no finite verb whose past participle follows a noun
  // ("Germany's finance minister rejected calls ...", "..., the ministry
  // estimated.") is one whose verb the tagger read as a participle: that
  // word is the past tense, and the words after it are tagged again.
  if (dictionary != nullptr && dictionary->is_verb_form) {
    const int j = UnfinishedClause(*sentence, c, dictionary->is_verb_form);
    if (j >= 0) {
      c.tags[j] = past_class_;
      Decode(*sentence, dictionary, j + 1, &c);
    }
  }
  PairStraightQuotes(*sentence, &c);
  for (size_t i = 0; i < sentence->size(); ++i) {
    (*sentence)[i].upos = tags_[c.tags[i]].upos;
    (*sentence)[i].xpos = tags_[c.tags[i]].xpos;
  }
}

PosTagger PosTagger::Train(const std::vector<SyntaxSentence>& train,
                           const TrainOptions& options) {
  std::vector<std::string> classes;
  absl::flat_hash_map<std::string, int> class_index;
  for (const SyntaxSentence& s : train) {
    for (const SyntaxWord& w : s) {
      auto [it, added] = class_index.emplace(ClassName(w), classes.size());
      if (added) classes.push_back(it->first);
    }
  }
  learn::AveragedPerceptron perceptron(static_cast<int>(classes.size()));
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  FeatureVector f;
  std::vector<float> scores(classes.size());
  auto average = [&] {
    return *FromModel(perceptron.Average(classes, {{"features", kFeatureVersion}},
                                         options.pruning));
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t index : order) {
      const SyntaxSentence& s = train[index];
      Context c = MakeContext(s);
      for (size_t i = 0; i < s.size(); ++i) {
        Features(c, static_cast<int>(i), &f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.Score(f.keys(), scores.data());
        const int guess = static_cast<int>(
            std::max_element(scores.begin(), scores.end()) - scores.begin());
        const int truth = class_index.at(ClassName(s[i]));
        perceptron.Update(f.keys(), truth, guess);
        perceptron.Tick();
        c.tags[i] = guess;
      }
    }
    if (options.on_epoch) options.on_epoch(epoch, average());
  }
  return average();
}

}  // namespace claims::syntax
