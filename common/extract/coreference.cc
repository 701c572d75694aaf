#include "common/extract/coreference.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/kb/knowledge_base.h"
#include "common/kb/unaccent.h"

namespace claims {
namespace {

using claims::v1::ActorType;
using syntax::DepRel;
using syntax::Upos;

// Most words between "the" and the head noun of a description ("the
// embattled former minister").
constexpr int kMaxDescriptionWords = 4;

absl::Status ParseRow(const std::vector<std::string>& f, std::string* word,
                      ReferenceWord* out, bool* honorific) {
  if (f.size() != 5)
    return absl::InvalidArgumentError("expected 5 tab-separated fields");
  *word = absl::AsciiStrToLower(f[0]);
  const std::string& c = f[1];
  *honorific = c == "honorific";
  if (c == "pronoun") {
    out->word_class = ReferenceWord::Class::kPronoun;
  } else if (c == "possessive") {
    out->word_class = ReferenceWord::Class::kPossessive;
  } else if (c == "reflexive") {
    out->word_class = ReferenceWord::Class::kReflexive;
  } else if (c == "description") {
    out->word_class = ReferenceWord::Class::kDescription;
  } else if (!*honorific) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown class \"", c, "\""));
  }
  for (absl::string_view t : absl::StrSplit(f[2], ',')) {
    ActorType type;
    if (!claims::v1::ActorType_Parse(std::string(t), &type)) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown actor type \"", t, "\""));
    }
    out->types.push_back(type);
  }
  if (f[3] != "m" && f[3] != "f" && f[3] != "-") {
    return absl::InvalidArgumentError("gender must be m, f or -");
  }
  out->gender = f[3] == "-" ? 0 : f[3][0];
  out->role = f[4] == "-" ? "" : f[4];
  return absl::OkStatus();
}

bool IsSubjectRel(DepRel rel) { return syntax::BaseRel(rel) == DepRel::kNsubj; }

// The word of [first, last) whose head lies outside the span (the last
// such), i.e. the span's syntactic head.
int SpanHead(const syntax::SyntaxSentence& w, int first, int last) {
  int head = last - 1;
  for (int i = first; i < last && i < static_cast<int>(w.size()); ++i) {
    if (w[i].head < first || w[i].head >= last) head = i;
  }
  return head;
}

// "45-year-old" (or "-year-old" after a number the tokenizer split off).
bool IsAgeNoun(absl::string_view lower) {
  return absl::EndsWith(lower, "year-old") &&
         (absl::ascii_isdigit(static_cast<unsigned char>(lower[0])) ||
          lower[0] == '-' || lower == "year-old");
}

// A description that fits any person of its gender ("the man"), or an age
// ("the 45-year-old"), whatever else the article called them.
bool IsAnyPersonNoun(absl::string_view lower) {
  return lower == "man" || lower == "woman" || IsAgeNoun(lower);
}

// What the resolver knows of one actor while it reads the article.
struct EntityState {
  int last_sentence = -1;
  int last_head = -1;  // head token of the latest mention in that sentence
  bool last_subject = false;
  int mentions = 0;
  char gender = 0;  // 'm', 'f', 0 unknown, 'x' conflicting evidence
  // The description nouns the article gave a person: a title before the
  // name ("President Salva Kiir"), an apposition ("Anne Hidalgo, the mayor
  // of Paris") or an earlier linked description.
  std::vector<std::string> described;
};

// A reference found in a sentence, to be linked.
struct Reference {
  int first = 0;
  int last = 0;  // exclusive
  int head = 0;
  const ReferenceWord* word = nullptr;
};

class ArticleResolver {
 public:
  ArticleResolver(const SalienceCoreference& lexicon, const SalienceWeights& w,
                  absl::string_view body,
                  const std::vector<SentenceTokens>& sentences,
                  MentionResult* result)
      : lex_(lexicon),
        w_(w),
        body_(body),
        sentences_(sentences),
        result_(result),
        state_(result->actors.size()) {}

  void Run();

 private:
  void Observe(const FoundMention& m, int head);
  void LearnGender(int actor, char gender);
  // Adds to the actor's described nouns the description words around its
  // name mention m, whose head word is `head`.
  void LearnDescriptions(const FoundMention& m, int head);
  void AddDescribed(int actor, absl::string_view noun);
  bool FindReference(const SentenceTokens& s, int i,
                     const std::vector<bool>& covered, Reference* ref) const;
  int Choose(int si, const Reference& ref,
             const std::vector<const FoundMention*>& here) const;
  void Link(int si, const Reference& ref, int actor);

  const SalienceCoreference& lex_;
  const SalienceWeights& w_;
  absl::string_view body_;
  const std::vector<SentenceTokens>& sentences_;
  MentionResult* result_;
  std::vector<EntityState> state_;
  std::vector<FoundMention> added_;
};

void ArticleResolver::LearnGender(int actor, char gender) {
  if (gender == 0) return;
  char& g = state_[static_cast<size_t>(actor)].gender;
  if (g == 0) {
    g = gender;
  } else if (g != gender) {
    g = 'x';
  }
}

void ArticleResolver::Observe(const FoundMention& m, int head) {
  if (m.actor < 0) return;
  const SentenceTokens& s = sentences_[static_cast<size_t>(m.sentence)];
  EntityState& e = state_[static_cast<size_t>(m.actor)];
  e.last_sentence = m.sentence;
  e.last_head = head;
  e.last_subject = head < static_cast<int>(s.words.size()) &&
                   IsSubjectRel(s.words[head].rel);
  if (e.mentions++ == 0)
    LearnGender(m.actor, lex_.NameGender(result_->actors[m.actor]));
  if (m.first_token > 0) {
    std::string before = s.tokens[m.first_token - 1].lower;
    before.erase(std::remove(before.begin(), before.end(), '.'), before.end());
    LearnGender(m.actor, lex_.HonorificGender(before));
  }
  if (m.is_name && !m.coreference) LearnDescriptions(m, head);
}

void ArticleResolver::AddDescribed(int actor, absl::string_view noun) {
  std::vector<std::string>& d = state_[static_cast<size_t>(actor)].described;
  if (std::find(d.begin(), d.end(), noun) == d.end()) d.emplace_back(noun);
}

void ArticleResolver::LearnDescriptions(const FoundMention& m, int head) {
  if (result_->actors[static_cast<size_t>(m.actor)].type != claims::v1::PERSON) return;
  const SentenceTokens& s = sentences_[static_cast<size_t>(m.sentence)];
  const int n = static_cast<int>(std::min(s.tokens.size(), s.words.size()));
  if (head < 0 || head >= n) return;
  auto description = [&](int k) {
    const ReferenceWord* word = lex_.Find(s.tokens[k].lower);
    return word != nullptr && word->word_class == ReferenceWord::Class::kDescription;
  };
  // The title right before the name.
  if (m.first_token > 0 && description(m.first_token - 1)) {
    AddDescribed(m.actor, s.tokens[m.first_token - 1].lower);
  }
  // A noun in apposition, either way round.
  for (int k = 0; k < n; ++k) {
    if (s.words[k].head == head && s.words[k].rel == DepRel::kAppos && description(k)) {
      AddDescribed(m.actor, s.tokens[k].lower);
    }
  }
  const int up = s.words[head].head;
  if (s.words[head].rel == DepRel::kAppos && up >= 0 && up < n && description(up)) {
    AddDescribed(m.actor, s.tokens[up].lower);
  }
}

// A pronoun at i, or a description "the [modifiers] noun" starting at i,
// over tokens no mention covers.
bool ArticleResolver::FindReference(const SentenceTokens& s, int i,
                                    const std::vector<bool>& covered,
                                    Reference* ref) const {
  const auto& t = s.tokens;
  const auto& w = s.words;
  const int n = static_cast<int>(std::min(t.size(), w.size()));
  if (covered[i]) return false;
  if (const ReferenceWord* word = lex_.Find(t[i].lower);
      word != nullptr &&
      word->word_class != ReferenceWord::Class::kDescription) {
    if (w[i].upos != Upos::kPron && w[i].upos != Upos::kDet) return false;
    if (w[i].rel == DepRel::kExpl) return false;  // "it is likely that"
    *ref = {i, i + 1, i, word};
    return true;
  }
  if (t[i].lower != "the") return false;
  for (int j = i + 1; j < n && j <= i + kMaxDescriptionWords; ++j) {
    if (covered[j]) return false;
    // Taggers often call "45-year-old" a proper noun.
    const bool age = IsAgeNoun(t[j].lower);
    if (!age && ((t[j].capitalized && j > i + 1) || w[j].upos == Upos::kPropn))
      return false;
    const ReferenceWord* word = age ? nullptr : lex_.Find(t[j].lower);
    const bool noun = w[j].upos == Upos::kNoun || age;
    if (noun &&
        (age || (word != nullptr &&
                 word->word_class == ReferenceWord::Class::kDescription))) {
      // The head is the last noun: "the company spokesman" is a person.
      if (j + 1 < n &&
          (w[j + 1].upos == Upos::kNoun || w[j + 1].upos == Upos::kPropn ||
           t[j + 1].lower == "of" || t[j + 1].capitalized)) {
        return false;
      }
      static const ReferenceWord kAge = {
          ReferenceWord::Class::kDescription, {claims::v1::PERSON}, 0, ""};
      *ref = {i, j + 1, j, age ? &kAge : word};
      return true;
    }
    if (w[j].upos != Upos::kAdj && w[j].upos != Upos::kAdv &&
        w[j].upos != Upos::kNum) {
      return false;
    }
  }
  return false;
}

int ArticleResolver::Choose(
    int si, const Reference& ref,
    const std::vector<const FoundMention*>& here) const {
  const SentenceTokens& s = sentences_[static_cast<size_t>(si)];
  const ReferenceWord& word = *ref.word;
  const bool description =
      word.word_class == ReferenceWord::Class::kDescription;
  const bool neuter = !description && word.gender == 0;
  int window = description ? w_.description_window : w_.pronoun_window;
  if (neuter) window = w_.neuter_window;
  const bool ref_subject = IsSubjectRel(s.words[ref.head].rel);
  const int ref_governor = s.words[ref.head].head;
  // "her" is possessive only as a determiner (PRP$), an object otherwise.
  const bool possessive =
      word.word_class == ReferenceWord::Class::kPossessive &&
      s.words[ref.head].xpos != "PRP";
  if (neuter && w_.neuter_needs_subjects && !ref_subject && !possessive)
    return -1;
  const std::string& head_word = s.tokens[ref.head].lower;
  double best = -1e9, rival = -1e9;
  int best_actor = -1;
  for (size_t a = 0; a < state_.size(); ++a) {
    const EntityState& e = state_[a];
    const ArticleActor& actor = result_->actors[a];
    if (e.mentions == 0 || e.last_sentence < si - window) continue;
    if (neuter && w_.neuter_needs_subjects && !e.last_subject) continue;
    if (std::find(word.types.begin(), word.types.end(), actor.type) ==
        word.types.end()) {
      continue;
    }
    if (word.gender != 0 && (e.gender == 'm' || e.gender == 'f') &&
        e.gender != word.gender) {
      continue;
    }
    if (!word.role.empty() && !actor.role.empty() && actor.role != word.role)
      continue;
    // A person the article described otherwise is not "the writer" ("Anne
    // Hidalgo, the mayor of Paris"); "the man" and "the woman" fit anyone.
    if (description && actor.type == claims::v1::PERSON && !e.described.empty() &&
        !IsAnyPersonNoun(head_word) &&
        std::find(e.described.begin(), e.described.end(), head_word) == e.described.end()) {
      continue;
    }
    // Co-arguments of one verb never corefer ("Scholz praised him"), nor
    // does a description its own clause's other participants.
    bool co_argument = false;
    if (!possessive && word.word_class != ReferenceWord::Class::kReflexive) {
      for (const FoundMention* m : here) {
        if (m->actor != static_cast<int>(a) || m->first_token >= ref.first)
          continue;
        const int h = SpanHead(s.words, m->first_token, m->last_token);
        if (ref_governor >= 0 && s.words[h].head == ref_governor)
          co_argument = true;
      }
    }
    if (co_argument) continue;
    double score = -w_.per_sentence * (si - e.last_sentence);
    if (e.last_subject) score += w_.subject;
    if (e.last_subject && ref_subject) score += w_.parallel;
    score += w_.frequency * std::log2(1.0 + e.mentions);
    if (word.gender != 0 && e.gender == word.gender) score += w_.gender_known;
    if (!word.role.empty() && actor.role == word.role) score += w_.role_match;
    if (score > best) {
      rival = best;
      best = score;
      best_actor = static_cast<int>(a);
    } else if (score > rival) {
      rival = score;
    }
  }
  if (best_actor < 0 || best - rival < w_.margin) return -1;
  return best_actor;
}

void ArticleResolver::Link(int si, const Reference& ref, int actor) {
  const SentenceTokens& s = sentences_[static_cast<size_t>(si)];
  FoundMention m;
  m.start = s.tokens[ref.first].start;
  m.end = s.tokens[ref.last - 1].end;
  m.sentence = si;
  m.first_token = ref.first;
  m.last_token = ref.last;
  const ArticleActor& a = result_->actors[static_cast<size_t>(actor)];
  m.type = a.type;
  m.actor = actor;
  m.is_name = false;
  m.coreference = true;
  m.evidence = absl::StrCat("coref:", s.tokens[ref.head].lower, "->", a.name);
  LearnGender(actor, ref.word->gender);
  if (ref.word->word_class == ReferenceWord::Class::kDescription) {
    AddDescribed(actor, s.tokens[ref.head].lower);
  }
  Observe(m, ref.head);
  added_.push_back(std::move(m));
}

void ArticleResolver::Run() {
  std::vector<std::vector<const FoundMention*>> by_sentence(sentences_.size());
  for (const FoundMention& m : result_->mentions) {
    if (m.sentence >= 0 &&
        static_cast<size_t>(m.sentence) < sentences_.size()) {
      by_sentence[static_cast<size_t>(m.sentence)].push_back(&m);
    }
  }
  for (size_t si = 0; si < sentences_.size(); ++si) {
    const SentenceTokens& s = sentences_[si];
    const int n = static_cast<int>(std::min(s.tokens.size(), s.words.size()));
    std::vector<bool> covered(static_cast<size_t>(n) + 1, false);
    for (const FoundMention* m : by_sentence[si]) {
      for (int i = m->first_token; i < m->last_token && i < n; ++i)
        covered[i] = true;
    }
    // Headings, bylines and captions are no discourse to refer back in
    // ("About the Author"), and a byline names no antecedent.
    const bool byline = s.section == claims::v1::SECTION_BYLINE;
    const bool body = s.section == claims::v1::SECTION_BODY ||
                      s.section == claims::v1::SECTION_UNSPECIFIED;
    size_t next = 0;  // next mention of the sentence to observe
    const auto& here = by_sentence[si];
    for (int i = 0; i < n; ++i) {
      for (; next < here.size() && here[next]->first_token <= i; ++next) {
        if (!byline) {
          Observe(*here[next], SpanHead(s.words, here[next]->first_token,
                                        std::min(here[next]->last_token, n)));
        }
      }
      Reference ref;
      if (!body || !FindReference(s, i, covered, &ref)) continue;
      const int actor = Choose(static_cast<int>(si), ref, here);
      if (actor >= 0) Link(static_cast<int>(si), ref, actor);
      i = ref.last - 1;
    }
  }
  if (added_.empty()) return;
  for (FoundMention& m : added_) result_->mentions.push_back(std::move(m));
  std::stable_sort(result_->mentions.begin(), result_->mentions.end(),
                   [](const FoundMention& a, const FoundMention& b) {
                     return a.start < b.start;
                   });
}

}  // namespace

// Reads "name<TAB>m|f" rows.
absl::Status LoadGivenNames(const std::string& path,
                            absl::flat_hash_map<std::string, char>* out) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab + 2 != line.size() ||
        (line[tab + 1] != 'm' && line[tab + 1] != 'f')) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": expected name<TAB>m or f"));
    }
    (*out)[line.substr(0, tab)] = line[tab + 1];
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<SalienceCoreference>> SalienceCoreference::Load(
    const std::string& dir, SalienceWeights weights) {
  const std::string path = absl::StrCat(dir, "/references.tsv");
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::unique_ptr<SalienceCoreference> out(new SalienceCoreference(weights));
  absl::Status names = LoadGivenNames(
      absl::StrCat(dir, "/given_name_genders.tsv"), &out->given_names_);
  if (!names.ok()) return names;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    absl::string_view v = absl::StripTrailingAsciiWhitespace(line);
    if (v.empty() || v[0] == '#') continue;
    std::vector<std::string> fields = absl::StrSplit(v, '\t');
    std::string word;
    ReferenceWord ref;
    bool honorific = false;
    absl::Status s = ParseRow(fields, &word, &ref, &honorific);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", s.message()));
    }
    if (honorific) {
      out->honorifics_[word] = ref.gender;
    } else {
      out->words_[word] = std::move(ref);
    }
  }
  return out;
}

const ReferenceWord* SalienceCoreference::Find(absl::string_view lower) const {
  auto it = words_.find(lower);
  return it == words_.end() ? nullptr : &it->second;
}

char SalienceCoreference::NameGender(const ArticleActor& actor) const {
  // A name with the family name first ("Xi Jinping") opens with no given
  // name.
  if (actor.type != claims::v1::PERSON || FamilyNameFirst(actor.country)) return 0;
  absl::string_view name = actor.name;
  absl::string_view first = name.substr(0, name.find(' '));
  // An honorific that is part of a known name ("Sheikh Hasina") says
  // nothing of the person's gender; the given name after it does.
  if (first.size() < name.size() && honorifics_.contains(absl::AsciiStrToLower(first))) {
    name.remove_prefix(first.size() + 1);
    first = name.substr(0, name.find(' '));
  }
  return GivenNameGender(first);
}

char SalienceCoreference::GivenNameGender(absl::string_view word) const {
  // "Néstor" is written "Nestor" in the table.
  const std::string given = absl::AsciiStrToLower(StripDiacritics(word));
  auto it = given_names_.find(given);
  // A compound given name the table lacks has its first name's gender
  // ("Marie-Claude", "Jean-Pierre").
  const size_t hyphen = given.find('-');
  if (it == given_names_.end() && hyphen != std::string::npos) {
    it = given_names_.find(given.substr(0, hyphen));
  }
  return it == given_names_.end() ? 0 : it->second;
}

char SalienceCoreference::HonorificGender(absl::string_view lower) const {
  auto it = honorifics_.find(lower);
  return it == honorifics_.end() ? 0 : it->second;
}

void SalienceCoreference::Resolve(absl::string_view body,
                                  const std::vector<SentenceTokens>& sentences,
                                  MentionResult* result) const {
  ArticleResolver(*this, weights_, body, sentences, result).Run();
}

}  // namespace claims
