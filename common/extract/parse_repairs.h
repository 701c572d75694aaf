// Repairs of parser mistakes that the claims depend on, applied to every
// sentence after the syntax stage (extractor.cc) and before clauses are
// read from the tree. Each repair is a construction the trained parser gets
// wrong often and that can be recognised from words and tags alone; it
// only relabels or reattaches words, never adds or drops any.
//
// Stateless functions; thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_PARSE_REPAIRS_H_
#define CLAIMS_COMMON_EXTRACT_PARSE_REPAIRS_H_

#include "common/entities/gazetteer.h"
#include "common/extract/lexicon.h"
#include "common/syntax/dependency_parser.h"
#include "common/syntax/syntax_models.h"
#include "common/syntax/syntax_types.h"

namespace claims {

// "risks not only prolonging the war, but also redefining ...": the verb
// after "not only" is the complement (xcomp) of the verb before it, and the
// verb after "but also" is coordinated with that complement. The parser
// takes both for conjuncts of the first verb, so the first verb's modality
// ("risks", a hedge) never reaches them.
void RepairNotOnlyButAlso(syntax::SyntaxSentence* words);

// "Opposition leader Raila Odinga rejected ...", "Union leader Karin Olsen
// said ...": a singular common noun with a proper noun right after it (no
// comma between) as its apposition is the name's title, a compound of the
// name, and the name takes the noun's place in the clause. The parser
// makes the title the clause's subject and the name its apposition, so the
// claim's subject would be "leader" and the person only a participant.
void RepairTitleBeforeName(syntax::SyntaxSentence* words);

// "Indonesia's communications ministry said ...": a noun that is a
// subject of the same verb as the word right after it (or after nouns
// that modify that word: "quality inspection agency"), with the same
// relation, modifies that word (a compound). A clause has one subject; the
// parser gives two when it misreads a modifier.
void RepairDoubleSubject(syntax::SyntaxSentence* words);

// "In Moscow, Kremlin spokesman Dmitry Peskov told reporters ...": a phrase
// after the comma of an opening adverbial, which the parser hung on a noun
// inside that adverbial as an apposition ("Speaking to reporters in
// Brussels, Mark Rutte warned", on "Brussels"), is the subject of the
// finite verb right after it (or after its auxiliaries: "..., General Ahmed
// Gaid Salah, had said") when that verb has none.
void RepairSubjectAfterOpeningPhrase(syntax::SyntaxSentence* words);

// "Faced with mounting criticism, Chancellor Olaf Scholz agreed ...": the
// parser made the opening participle the root and the main clause (a
// finite verb with its own subject, after the comma) its parataxis. The
// finite verb becomes the root and the participle its adverbial clause,
// whose subject is then the main clause's.
void RepairOpeningParticipleAsRoot(syntax::SyntaxSentence* words);

// "The minister, who spoke on condition of anonymity, said talks would
// resume": a clause whose subject is "who" or "which" right after a comma
// and a noun, which the parser hung from the later verb (as its
// complement, a parataxis, conjunct or adverbial clause) and which ends at
// a comma before that verb, is a relative clause of the noun.
void RepairRelativeClauseTakenForComplement(syntax::SyntaxSentence* words);

// "Shares fell 4 percent after the carmaker cut its forecast": "after",
// "before", "since" or "until" tagged a preposition, or any subordinating
// conjunction the parser hung as one ("..., while Mr Trump, still in his
// first year, is battling ..."), whose noun is followed (past a part set
// off by commas) by a finite verb that the parser gave the noun before the
// preposition as subject, or no subject, is the conjunction of that verb's
// clause: its noun is the subject, and the noun before it measures the
// verb that governs the clause (obl:npmod).
void RepairConjunctionTakenForPreposition(syntax::SyntaxSentence* words);

// "The Kremlin said the results raised questions", "Nasheed has said the
// Maldives may one day have to ...": the noun phrase the parser made the
// object of a verb of saying that takes no object ("say", "claim",
// "insist", ...) is the subject of the verb after it, and that verb's
// clause is the saying's complement (a participle with no auxiliary
// becomes a past tense).
void RepairObjectOfSaying(syntax::SyntaxSentence* words);

// "The crash was caused by a spectator who stepped into the road to take
// a photograph, according to race organisers.": a closing ", according to
// X" (X a noun phrase without a verb) names the source of the whole
// sentence and hangs from its root as an oblique. The parser often hangs it
// from the nearest verb, or makes X that verb's object.
void RepairTrailingAccordingTo(syntax::SyntaxSentence* words);

// Complements by their first word, whatever the parser labelled them: a
// clause that opens with "with" is an adverbial (an absolute construction:
// "..., the ministry said on Saturday, with 2,059 people injured"); one
// that opens with a coordinating conjunction after a postposed saying is
// a conjunct of the clause before the saying ("S1, he said, and S2").
void RepairComplementByItsFirstWord(syntax::SyntaxSentence* words);

// "Lead author Mariela Soto said ...", "Standing committee chairman Ashwini
// Deshpande said ...", "Mining Minister Laurence Golborne told ...": a verb
// form opening the sentence before common nouns or a title (a title head of
// `lexicon`, which may be null) and a proper noun, with a finite verb later,
// modifies the title that follows (an adjective for a bare verb, a noun for
// a gerund). So does one before common nouns, the last plural, that are the
// subject of the verb right after them: a plural present or a verb of
// saying ("Shipping lines said ...": a gerund clause says nothing). Returns true when it retagged the first word (the sentence must
// be parsed again).
bool RetagOpeningModifier(const Lexicon* lexicon, syntax::SyntaxSentence* words);

// "in Dar es Salaam last month": a lower-case word the tagger took for a
// verb or auxiliary inside a name `gazetteer` knows ("es") is part of that
// name (a proper noun). Returns true when it retagged a word.
bool RetagInsideKnownNames(const entities::Gazetteer& gazetteer, syntax::SyntaxSentence* words);

// "has argued that prohibition has failed": "that" right after a verb of
// saying (`lexicon`), before a finite verb later in the same clause (no
// punctuation between), opens the complement clause (a subordinating
// conjunction), not a determiner of the noun after it. So does "that"
// after a verb of saying and a short noun or prepositional phrase ("told
// parliament that surveyors would ...", "said on Sunday that Akilov had
// applied ..."), which the tagger reads as a relative pronoun, when no
// verb follows it right away. Returns true when it
// retagged a word.
bool RetagThatAfterSaying(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "Sources close to the navy's command said ...": "close" right after a
// noun or pronoun with no verb before it, and before "to", with a verb
// later in the sentence, is an adjective modifying that noun, not the
// noun's verb (the tagger reads "Sources close" as a plural subject and
// its verb, and the claim becomes "close"). After a verb the parser does
// worse with the adjective than without ("..., sources close to the palace
// said"), so those are left. Returns true when it retagged a word.
bool RetagCloseTo(syntax::SyntaxSentence* words);

// "will close next year", "could no longer support clubs": a word right
// after a modal auxiliary, or after it and adverbs, that the tagger took
// for an adverb, adjective or noun is the verb the modal governs when it is a verb's bare form (`lexicon`) and no verb follows it
// ("will soon close" keeps "soon"). Returns true when it retagged a word.
bool RetagVerbAfterModal(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "the strike had cost the economy 200 million dollars": a word right after
// a finite "have" that the tagger took for a noun is the participle that
// "have" governs when its form is a verb's participle (`lexicon`) and a
// determiner, possessive or number follows it, or a number after a word
// that rounds it ("had cost about 380 billion yen"; "had cost overruns"
// keeps the noun). Returns true when it retagged a word.
bool RetagParticipleAfterHave(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "The company, founded in 1998 by two students, employs more than 100,000
// people", "A magnitude 7.6 earthquake struck central Taiwan": a sentence
// with no finite verb has one the tagger took for a noun. The first noun
// that is a verb's inflected form (`lexicon`; a plural's "-s" the present,
// another form the past; not the sentence's first two words) followed by
// what opens an object or a complement (determiner, possessive, number,
// adjective, adverb, "to") is the verb. Returns true when it retagged a
// word.
bool RetagVerbOfVerblessSentence(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "Lion Air's chief executive, Edward Sirait, said": a job title's last
// word (`lexicon`) the tagger took for an adjective ("executive", as in
// "chief executive officer") is a noun where it ends its phrase, after a
// modifier and before no noun or adjective ("the executive branch" keeps
// it). Returns true when it retagged a word.
bool RetagTitleHeadAsNoun(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "A doctor at the hospital told reporters: ...": the sentence's first verb,
// a verb of saying (`lexicon`) the tagger took for a past participle right
// after its subject's noun, with no auxiliary or verb before it and a noun
// phrase (or an adjective or number opening one) or a colon after it, is
// the clause's verb in the past tense (not a participle: "told" as a
// modifier of "reporters"). Returns true when it retagged a word.
bool RetagSayingAfterSubject(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "the WHO had failed": a word of capitals after "the" that the tagger
// took for a pronoun ("who") is a name. Returns true when it retagged a
// word.
bool RetagAcronymAfterArticle(syntax::SyntaxSentence* words);

// "A report by the ministry released on Monday said ...": a regular verb
// ("-ed") the tagger read as the past tense right after a noun, and
// before a preposition or adverb, that the parse hangs as the complement of
// a later finite verb without a subject is a participle modifying the
// noun, whose phrase is that verb's subject; so is one the parse makes the
// complement of an earlier verb that also governs a later finite verb
// without a subject ("said islanders expelled between 1967 and 1973 now
// hoped to return"). Returns true when it retagged a word.
bool RetagReducedRelativeBeforeVerb(syntax::SyntaxSentence* words);

// "said spending on roads will rise", "said sentencing would take
// place": a gerund right after a verb or "that" and right before a modal,
// or before a short prepositional phrase and a modal, is the subject of
// the modal's verb, a noun. Returns true when it retagged a word.
bool RetagGerundBeforeModal(syntax::SyntaxSentence* words);

// "X told reporters: \"We have ...\"" with the quotation hung on
// "reporters": a clause complement of the object or indirect object of a
// verb of saying (`lexicon`) that has none of its own is the verb's; after
// a colon also a clause hung on such a noun, or on an oblique, as a
// parataxis or relative clause ("told a news conference: \"We have ...\"",
// "said in a broadcast: \"She was ...\"").
void RepairComplementOfAddressee(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "\"This is a devastating cyclone,\" Lonsdale told reporters ...": a
// sentence that opens with a quotation and continues, after the closing
// quotation mark, with its speaker and a verb of saying (`lexicon`) in
// either order has that verb as its root and the quotation's root as its
// complement (ccomp). The parser often hangs the saying from the quotation
// instead (parataxis, acl:relcl), or the quotation from the speaker's noun,
// and the quotation loses its speaker.
// The speaker may take up to twelve words before the verb ("the German
// chancellor told", "Risto Siilasmaa, Nokia's chairman and now its interim
// chief executive, told"), and that phrase becomes the verb's subject (an
// audience the parser made the subject, "told a packed auditorium", its
// object). RepairParse then parses the quotation and the speaker's clause
// apart where the parser hung the verb elsewhere.
void RepairQuoteThenSpeaker(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "said islanders expelled between 1967 and 1973 and their children now
// hoped to return": a participle (no auxiliary) the parser made an earlier
// verb's complement, with a subject of its own, while a later finite verb
// of that earlier verb has none, modifies its "subject" (acl), which is the
// later verb's subject; the later verb is the complement, and nouns
// coordinated with the participle join the subject. So does a present
// participle whose later finite verb has for subject a noun with a
// preposition, which becomes the participle's oblique ("said a warm wind
// coming down from the mountains had pushed temperatures up").
void RepairReducedRelativeInComplement(syntax::SyntaxSentence* words);

// "Five of the nine board members voted for the move, according to ...":
// a sentence whose root is a noun, number or pronoun (no copula's) with a
// verb in the past or present tense below it that the parser made a
// modifier (acl) with no subject, no subordinator and no comma before it,
// has that verb as its root and the old root as the verb's subject.
void RepairFiniteVerbTakenForModifier(syntax::SyntaxSentence* words);

// "\"Guernsey gave Hugo a refuge,\" said Anne Hidalgo, the mayor of Paris,
// \"and Paris has not forgotten it.\"": a verb of saying with its content
// before it and no subject, whose speaker right after it the parser made
// the subject of a later verb (the quotation's second part, or a relative
// clause of the speaker's), has that speaker as its subject; so has one
// the parser hung anywhere in the relative clause right after it ("said
// Elena Gutierrez, whose son disappeared in 1977"), which becomes the
// speaker's.
void RepairSpeakerTakenByALaterVerb(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "It could take years to restore the books, said a librarian there.": a
// verb of saying after a comma with its speaker after it, which the parser
// hung from the report's root (as a conjunct, with the speaker as an
// oblique), is the root, the report its complement and the speaker (a noun
// phrase running to the end of the sentence) its subject.
void RepairReportThenInvertedSaying(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "said on Friday he had authorised ...", "told reporters they had
// complained": a clause with its own subject that the parser hung as a
// relative clause (acl:relcl) on an oblique or the indirect object of a
// verb of saying with no complement is that verb's complement (ccomp); the
// saying's content must reach the reported-speech reading. So is a
// "that"-clause hung on an adverbial verb with an object of its own that
// is no verb of saying or belief ("told lawmakers after taking the oath
// that S", also hung as the adverbial verb's own adverbial after its noun:
// "told reporters after winning the final on Sunday that S"), and one hung
// below the saying's oblique (or further down its adverbial: "denied in a
// video posted online that S") through its "that"
// ("wrote on Facebook that S", "that" taken for part of the name), and a
// "that"-clause hung on the saying's addressee ("told a news conference on
// Sunday that S"); a complement the verb had already, after it and opened
// by a conjunction ("..., and that S2"), becomes its conjunct, and one
// after it without a conjunction, the complement of that clause's own verb
// of saying ("complained for years that S").
void RepairComplementAfterOblique(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "Engineers interviewed by the newspaper Listin Diario said S": a verb of
// saying (`lexicon`) whose subject is a name right after a common noun of
// a participle clause before it (the parser's complement, the saying's
// other subject, or the root the saying hangs from), has the
// participle's subject as its own: the name is the noun's apposition
// ("the newspaper Listin Diario") and the participle modifies its subject
// (acl), as "Engineers interviewed by the newspaper said S" is parsed.
void RepairReducedRelativeBeforeName(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "..., in a deal announced on Sunday", parsed with "announced" a clause of
// its own (a conjunct of the main verb) and "deal" its oblique: a past
// participle with no subject or auxiliary right after a noun in a
// prepositional phrase it governs modifies that noun (acl), and the phrase
// takes the participle's place.
void RepairParticipleAfterPrepositionalNoun(syntax::SyntaxSentence* words);

// "\"S,\" X was quoted as saying" with S hung on "quoted": the complement
// of a passive "quoted" or "cited", or a clause before it hung on it as a
// modifier, is that of its "as saying" (a verb of saying, `lexicon`) when
// the saying has none of its own.
void RepairQuoteOfQuotedAsSaying(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "accused opposition groups of manipulating students" with the gerund hung
// on "of": "of" marks the gerund's clause, which takes its place (acl of a
// noun, advcl of a verb).
void RepairGerundHungOnOf(syntax::SyntaxSentence* words);

// "No Americans were among the dead, a spokesman said": a postposed verb
// of saying (`lexicon`) the parser gave two subjects, the first a clause of
// its own (with a subject or a copula) before a comma, has that clause as
// its complement (ccomp).
void RepairContentTakenForSubject(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "Malaita's premier, Daniel Suidani, has accused ...": punctuation heads
// nothing (UD), but the parser sometimes hangs a word from a comma (the
// apposition from the comma before it). Such a word hangs from the
// punctuation's own head instead, with its relation.
void RepairChildrenOfPunctuation(syntax::SyntaxSentence* words);

// "She is devastated", "he was frustrated that ...", "the scale of this
// tragedy is devastating": the past participle of a verb of emotion
// (`lexicon`) after a passive "be" with no agent, or its present
// participle after "be" with no object, is an adjective for a state, and
// "be" its copula, so the clause's predicate is "be". An agent ("was
// shocked by the verdict") or an object ("is worrying investors") keeps
// the verb. Tags and relations change in place; no parsing again.
void RepairStateParticiple(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "called the reports a politically motivated attack", "called the
// shooting an attack on democracy", "described the plan as a disaster":
// the predicative complement of a verb of naming (`lexicon`) is that
// verb's xcomp and the thing named its object. The parser hangs the
// complement from the object as that noun's own object (a noun takes
// none), modifier or apposition without a comma, makes the object the
// xcomp with the complement below it, or
// hangs an "as" phrase from the verb or the object, or makes an indefinite
// noun a relative clause of a noun inside the object ("the arrival of the
// forces | an occupation"), or the object's determiner the object and the
// gerund after it its modifier ("the | killing a barbaric attack"); a
// gerund with a determiner that is named ("the bombing") becomes a noun.
void RepairNamingComplement(const Lexicon& lexicon, syntax::SyntaxSentence* words);

// "Alexievich, whose books have not been published ..., said she would
// ...", "Ramon Fonseca, a founding partner of the firm, denied ...": the
// parser reads the subject as the interrupting part's and loses the
// speaker. The sentence without words [open, close] (the commas around the
// part) and the part [open + 1, close) are parsed apart, with the tags the
// whole sentence got, then joined: the part's root hangs from the word
// before `open` (or the head of its name) as `rel` (acl:relcl for a
// relative clause, appos for an apposition), the commas are its
// punctuation. No effect unless 1 <= open < close - 1 and close + 1 <
// words->size(). RepairParse applies it to a relative clause (", who/whose/
// which") or an apposition (", a/an/the") after a noun, closed by a comma
// right before a finite verb; a relative clause runs on past commas until
// it holds a verb (", whose father, Patrick, was shot in the back,"), and
// one right after an age between commas modifies the name before the age
// ("Letsile Tebogo, 21, whose mother died in May, told ...").
void ParseAroundInterruption(const syntax::DependencyParser& parser, int open, int close,
                             syntax::DepRel rel, syntax::SyntaxSentence* words);

// Every repair above, in order: tags first, parsing the sentence again with
// `parser` when one changed, the interrupting clause or apposition, then the
// relabelling repairs. `gazetteer` and
// `lexicon` may be null (the repairs that need them are skipped or
// narrower).
void RepairParse(const syntax::DependencyParser& parser, const entities::Gazetteer* gazetteer,
                 const Lexicon* lexicon, syntax::SyntaxSentence* words);

// The syntax stage as the extractor runs it, for a sentence whose forms are
// filled: models.Analyze, then RepairParse. When its first `dateline` words
// are a dateline ("MADRID -", text::DatelineLength), the dateline and the
// rest are analysed apart and the dateline's root hangs from the rest's as
// parataxis: parsed as one, the place in capitals becomes the subject of
// the sentence's verb ("MADRID - \"...,\" said Marta Ruiz": MADRID said).
// Tools that must see the words as the extractor does (explain) call this.
void AnalyzeSentence(const syntax::SyntaxModels& models, const entities::Gazetteer* gazetteer,
                     const Lexicon* lexicon, int dateline, syntax::SyntaxSentence* words);

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_PARSE_REPAIRS_H_
