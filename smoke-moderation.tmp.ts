import { compileWordList } from "@/lib/moderation/matching/word-list";
let t = performance.now();
const big = compileWordList([...Array.from({ length: 2000 }, (_, i) => `word${i}x*`), "ass", "i d i o t", "sss*", "you * fool"]);
console.log("compile", performance.now() - t);
t = performance.now(); big.find("hello"); console.log("first exec", performance.now() - t);
t = performance.now(); big.find("hello there"); console.log("second exec", performance.now() - t);
for (const text of ["!".repeat(20000), "i.".repeat(10000), "s".repeat(20000), "a s ".repeat(5000), "lorem ipsum dolor ".repeat(1100), "you you you ".repeat(2000)]) {
  t = performance.now(); big.findAll(text + " "); console.log(text.slice(0, 4), "find", (performance.now() - t).toFixed(1));
}
