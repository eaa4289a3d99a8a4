// The Snowball stemmer for Dutch (Martin Porter, snowballstem.org/algorithms/dutch/stemmer.html),
// written out here so the coding of open answers needs no extra package. "woningen" and "woning"
// both become "woning", "betaalbare" and "betaalbaar" become "betal".

const VOWELS = new Set(["a", "e", "i", "o", "u", "y", "è"]);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

function removeAccents(word: string): string {
  return word
    .replace(/[äá]/g, "a")
    .replace(/[ëé]/g, "e")
    .replace(/[ïí]/g, "i")
    .replace(/[öó]/g, "o")
    .replace(/[üú]/g, "u");
}

function markConsonantYandI(word: string): string {
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const prev = chars[i - 1];
    if (chars[i] === "y" && (i === 0 || isVowel(prev))) chars[i] = "Y";
    else if (chars[i] === "i" && isVowel(prev) && isVowel(chars[i + 1]) && i + 1 < chars.length)
      chars[i] = "I";
  }
  return chars.join("");
}

/** Start of the region after the first non-vowel that follows a vowel. */
function regionStart(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  return word.length;
}

function undouble(word: string): string {
  return /(kk|dd|tt)$/.test(word) ? word.slice(0, -1) : word;
}

function validEnEnding(word: string, suffixLength: number): boolean {
  const stem = word.slice(0, word.length - suffixLength);
  const last = stem.at(-1);
  return last !== undefined && !isVowel(last) && !stem.endsWith("gem");
}

export function stemDutch(input: string): string {
  let word = removeAccents(input.toLowerCase());
  if (word.length < 3) return word;
  word = markConsonantYandI(word);

  let r1 = regionStart(word, 0);
  if (r1 < 3) r1 = 3;
  const r2 = regionStart(word, r1);
  const inR1 = (suffix: string) => word.length - suffix.length >= r1;
  const inR2 = (suffix: string) => word.length - suffix.length >= r2;

  // Step 1
  if (word.endsWith("heden")) {
    if (inR1("heden")) word = `${word.slice(0, -5)}heid`;
  } else if (word.endsWith("ene") || word.endsWith("en")) {
    const suffix = word.endsWith("ene") ? "ene" : "en";
    if (inR1(suffix) && validEnEnding(word, suffix.length)) word = undouble(word.slice(0, -suffix.length));
  } else if (word.endsWith("se") || word.endsWith("s")) {
    const suffix = word.endsWith("se") ? "se" : "s";
    const before = word.at(-suffix.length - 1);
    if (inR1(suffix) && before !== undefined && !isVowel(before) && before !== "j")
      word = word.slice(0, -suffix.length);
  }

  // Step 2
  let removedE = false;
  const step2 = () => {
    if (word.endsWith("e") && inR1("e") && !isVowel(word.at(-2))) {
      word = undouble(word.slice(0, -1));
      removedE = true;
    }
  };
  step2();

  // Step 3a
  if (word.endsWith("heid") && inR2("heid") && word.at(-5) !== "c") {
    word = word.slice(0, -4);
    if (word.endsWith("en") && inR1("en") && validEnEnding(word, 2)) word = undouble(word.slice(0, -2));
  }

  // Step 3b
  if (word.endsWith("end") || word.endsWith("ing")) {
    if (inR2("ing")) {
      word = word.slice(0, -3);
      if (word.endsWith("ig") && inR2("ig") && word.at(-3) !== "e") word = word.slice(0, -2);
      else word = undouble(word);
    }
  } else if (word.endsWith("ig")) {
    if (inR2("ig") && word.at(-3) !== "e") word = word.slice(0, -2);
  } else if (word.endsWith("lijk")) {
    if (inR2("lijk")) {
      word = word.slice(0, -4);
      step2();
    }
  } else if (word.endsWith("baar")) {
    if (inR2("baar")) word = word.slice(0, -4);
  } else if (word.endsWith("bar")) {
    if (inR2("bar") && removedE) word = word.slice(0, -3);
  }

  // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant ("maan" -> "man").
  const m = /([^aeiouyè])(aa|ee|oo|uu)([^aeiouyèI])$/.exec(word);
  if (m) word = `${word.slice(0, -3)}${m[2]![0]}${m[3]}`;

  return word.replace(/I/g, "i").replace(/Y/g, "y");
}
