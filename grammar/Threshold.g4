// The threshold language of Fashen catalogues: one condition per rule.
//
// This file is the source of truth; the C# lexer and parser are generated from it at build
// time (see Fashen.Grammar.csproj) and are never edited by hand.
//
// How words are delimited. Chinese has no spaces between words, and ANTLR's lexer takes the
// longest match, so a run of Chinese characters is always read as one word. Therefore:
//   * keywords (且 或 非 以上 超过 …) are keywords only when they stand alone: separate them
//     from names with a space, a bracket, a comma or an operator ("非 疑难复杂", "个人罚款 以上");
//   * a number takes its unit and a following drafting word with no space ("1万元以上",
//     "超过10万元"), because digits end a Chinese word and the unit is part of the number;
//   * when two rules match the same text, the one listed first wins, so keywords come before
//     the rules for names.
// docs/language.md explains the language to catalogue authors.
grammar Threshold;

options { caseInsensitive = true; }

condition : orExpr EOF ;

orExpr  : andExpr (OR andExpr)* ;
andExpr : notExpr (AND notExpr)* ;
notExpr : NOT notExpr | primary ;

primary
    : LPAREN orExpr RPAREN                                # groupExpr
    | ALWAYS                                              # alwaysExpr
    | operand compareOp quantity                          # compareExpr
    | operand quantity (boundary postfixWord | postfixWord boundary?) (COMMA? upperBound)? # postfixExpr
    | operand prefixWord quantity boundary? (COMMA? upperBound)? # prefixExpr
    | name BETWEEN value (AND | TO) value BETWEEN_END?    # betweenExpr
    | name (IN | NOT IN | NOT_IN) list                    # inExpr
    | name (ANY OF | ANY_OF) list                         # anyOfExpr
    | name ONLY list                                      # onlyExpr
    | name CONTAINS value                                 # containsExpr
    | name                                                # flagExpr
    ;

compareOp   : GE | GT | LE | LT | EQ | NE ;
// A sum of amounts, as 罚没合计 is: 罚款金额 + 没收金额 10万元以上.
operand     : name (PLUS name)* ;
// A number, a named threshold, or a multiple of another fact: 没收金额的3倍, 没收金额 * 3, 3 * 没收金额.
quantity    : value | name DE? value TIMES | name STAR value | value STAR name ;
// The upper end of a range as published tables write it, after the lower end: 20万元以上50万元以下, 20万元以上不满50万元,
// 超过20万元、50万元以下.
// Either end is read by its own word; one written in the wrong order is reported, not misread.
upperBound  : value (boundary postfixWord | postfixWord boundary?) | prefixWord value boundary? ;
postfixWord : ABOVE | BELOW | WITHIN ;
prefixWord  : OVER | UNDER ;
// "（含本数）", "（不含本数）", "（含2万元）": states the boundary in the catalogue's own words, after the drafting word or, as
// some publishers write it, before it ("500元（含500元）以上", "5000元（不含）以上").
boundary    : LPAREN (INCL | EXCL) value? RPAREN ;
list        : LBRACK (value (COMMA value)*)? RBRACK ;
value       : AMOUNT | STRING | TRUE | FALSE | name ;
name        : IDENT | WORD ;

// Keywords. Listed before IDENT and WORD so that a word that is exactly a keyword is a keyword.
AND         : 'and' | '且' | '并且' ;
OR          : 'or' | '或' | '或者' ;
NOT         : 'not' | '非' ;
IN          : 'in' | '属于' ;
NOT_IN      : '不属于' ;
ANY         : 'any' ;
OF          : 'of' ;
ANY_OF      : '包含任一' ;
CONTAINS    : 'contains' | '包含' ;
// A set fact holds nothing outside the list: 处罚种类 仅限 [警告, 罚款].
ONLY        : 'only' | '仅限' | '只含' ;
BETWEEN     : 'between' | '介于' ;
TO          : '至' | '和' ;
BETWEEN_END : '之间' ;
ALWAYS      : 'always' | '一律' ;
TRUE        : 'true' | '是' ;
FALSE       : 'false' | '否' ;
// Drafting words of 民法典 第一千二百五十九条: 以上、以下、以内 include the number; 超过、不满 do not.
ABOVE       : '以上' ;
BELOW       : '以下' ;
WITHIN      : '以内' ;
OVER        : '超过' ;
UNDER       : '不满' ;
// The note may follow two amounts and speak for both: 2000元、2万元以上（以上数额含本数）.
INCL        : '含' | '含本数' | '均含本数' | '以上数额含本数' | '以上均含本数' | '以上数额均含本数' ;
EXCL        : '不含' | '不含本数' | '均不含本数' | '以上数额不含本数' | '以上均不含本数' | '以上数额均不含本数' ;
// Comparison words the language does not use (不低于 5万元): a token of their own, so that the parser reports them as
// unsupported with the symbol to write instead, not as an unknown name.
COMPARATIVE : '不低于' | '不少于' | '达到' | '大于等于' | '不超过' | '不高于' | '不多于' | '小于等于' | '高于' | '大于' | '多于' | '低于' | '小于' | '少于' ;
// Multiples: 没收金额的3倍.
TIMES       : '倍' ;
DE          : '的' ;

GE : '>=' | '≥' | '≧' | '＞＝' ;
LE : '<=' | '≤' | '≦' | '＜＝' ;
NE : '!=' | '≠' | '！＝' ;
EQ : '==' | '=' | '＝＝' | '＝' ;
GT : '>' | '＞' ;
LT : '<' | '＜' ;
STAR : '*' | '×' ;
PLUS : '+' | '＋' ;

LPAREN : '(' | '（' ;
RPAREN : ')' | '）' ;
LBRACK : '[' | '【' ;
RBRACK : ']' | '】' ;
COMMA  : ',' | '，' | '、' ;

// A number with an optional unit, which published tables sometimes set apart ("2 万元"); the value is converted to exact
// decimal 元 after parsing. Spaces belong to the amount only when a unit follows them: "5 以上" is 5 and 以上.
AMOUNT : DIGITS ('.' DIGITS)? ([ \t\u3000]* UNIT)? ;
fragment DIGITS : [0-9]+ ;
fragment UNIT   : '元' | '千' | '千元' | '万' | '万元' | '亿' | '亿元' ;

// Quoted text, for values that contain spaces or punctuation. No escapes: use the other quotes.
STRING : '"' ~["\r\n]* '"' | '“' ~[”\r\n]* '”' | '\'' ~['\r\n]* '\'' ;

IDENT : [a-z_] [a-z_0-9]* ;
WORD  : CJK+ ;
fragment CJK : [\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF] ;

// U+3000 is the ideographic (full-width) space.
WS : [ \t\r\n\u3000]+ -> skip ;
