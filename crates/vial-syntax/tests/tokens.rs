//! The token layers on their own: the logos lexer and the classifying pass.

mod lexer {
    use num_bigint::BigInt;
    use vial_syntax::ast::BinOp;
    use vial_syntax::lexer::tokenize;
    use vial_syntax::token::{Piece, Token};

    fn toks(src: &str) -> Vec<Token> {
        tokenize(src)
            .unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    fn int(n: i64) -> Token {
        Token::Int(BigInt::from(n))
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("1_000 0x1F 0b101 0o17"),
            [int(1000), int(31), int(5), int(15)]
        );
        assert_eq!(
            toks("1.5 1.0e10 1.0e-5"),
            [
                Token::Float(1.5),
                Token::Float(1.0e10),
                Token::Float(1.0e-5)
            ]
        );
        assert_eq!(toks("?a ?\\n ?\\s"), [int(97), int(10), int(32)]);
        assert_eq!(toks("1..2"), [int(1), Token::Range, int(2)]);
    }

    #[test]
    fn atoms_and_keyword_keys() {
        assert_eq!(
            toks(":ok :ok? :+ :== :\"a b\""),
            ["ok", "ok?", "+", "==", "a b"].map(|a| Token::Atom(a.into()))
        );
        assert_eq!(
            toks("[a: 1, \"b c\": 2, do: 3]"),
            [
                Token::LBracket,
                Token::KwKey("a".into()),
                int(1),
                Token::Comma,
                Token::KwKey("b c".into()),
                int(2),
                Token::Comma,
                Token::KwKey("do".into()),
                int(3),
                Token::RBracket
            ]
        );
        assert_eq!(
            toks("a::b"),
            [
                Token::Ident("a".into()),
                Token::TypeOp,
                Token::Ident("b".into())
            ]
        );
    }

    #[test]
    fn words_and_operators() {
        assert_eq!(
            toks("a not in b not c"),
            [
                Token::Ident("a".into()),
                Token::NotIn,
                Token::Ident("b".into()),
                Token::Not,
                Token::Ident("c".into())
            ]
        );
        assert_eq!(
            toks("x.end"),
            [
                Token::Ident("x".into()),
                Token::Dot,
                Token::Ident("end".into())
            ]
        );
        assert_eq!(
            toks("&1 & f.("),
            [
                Token::CaptureArg(1),
                Token::Amp,
                Token::Ident("f".into()),
                Token::DotParen
            ]
        );
        assert_eq!(
            toks("|> || | \\\\ -> <- =>"),
            [
                Token::Pipe,
                Token::Or(BinOp::OrOr),
                Token::Bar,
                Token::Default,
                Token::Arrow,
                Token::LArrow,
                Token::Assoc
            ]
        );
        assert_eq!(
            toks("a # comment\n; b"),
            [
                Token::Ident("a".into()),
                Token::Eol,
                Token::Semi,
                Token::Ident("b".into())
            ]
        );
    }

    #[test]
    fn strings_with_nested_interpolation() {
        let tokens = toks(r#""a #{f("b #{c}")} d""#);
        let [Token::Str(pieces)] = tokens.as_slice() else {
            panic!("{tokens:?}")
        };
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0], Piece::Lit("a ".into()));
        assert_eq!(pieces[2], Piece::Lit(" d".into()));
        let Piece::Tokens(inner, _) = &pieces[1] else {
            panic!("{pieces:?}")
        };
        assert_eq!(inner.len(), 4, "{inner:?}");
        assert!(matches!(&inner[2].tok, Token::Str(p) if p.len() == 2));
    }

    #[test]
    fn unterminated_constructs_are_incomplete() {
        for src in ["\"abc", "\"a #{b", "'abc", ":\"abc", "\"\"\"\nabc"] {
            let err = tokenize(src).expect_err(src);
            assert!(err.incomplete, "{src:?}: {err:?}");
        }
        let err = tokenize("x = ~r/a/").expect_err("sigil");
        assert!(!err.incomplete);
    }
}

mod classifier {
    use vial_syntax::classify::classify;
    use vial_syntax::lexer::tokenize;
    use vial_syntax::token::Token;

    /// The classified stream as compact text: `call(foo) 1 ⟩ ;` etc.
    fn show(src: &str) -> String {
        let tokens = tokenize(src).expect("lexes");
        let out = classify(src, tokens, 0).expect("classifies");
        out.tokens
            .iter()
            .map(|t| match &t.tok {
                Token::Ident(n) => n.clone(),
                Token::ParenIdent(n) => format!("{n}("),
                Token::CallIdent(n) => format!("call:{n}"),
                Token::DoIdent(n) => format!("do:{n}"),
                Token::ParenDoIdent(n) => format!("do:{n}("),
                Token::CallEnd => "⟩".into(),
                Token::CaptureEnd => "⟫".into(),
                Token::Eol => ";".into(),
                Token::Int(n) => n.to_string(),
                Token::Str(_) => "str".into(),
                other => other.to_string().trim_matches('\'').to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn identifier_kinds() {
        assert_eq!(show("foo(1)"), "foo( ( 1 )");
        assert_eq!(show("foo 1"), "call:foo 1 ⟩");
        assert_eq!(show("foo[1]"), "foo [ 1 ]");
        assert_eq!(show("foo [1]"), "call:foo [ 1 ] ⟩");
        assert_eq!(show("a - 1"), "a - 1");
        assert_eq!(show("a -1"), "call:a - 1 ⟩");
        assert_eq!(show("a-1"), "a - 1");
        assert_eq!(show("IO.puts \"x\""), "IO . call:puts str ⟩");
        assert_eq!(show("x |> f"), "x |> f");
        assert_eq!(show("a when b"), "a when b");
    }

    #[test]
    fn do_blocks_find_their_owner() {
        assert_eq!(show("receive do end"), "do:receive do end");
        assert_eq!(show("if foo x do end"), "do:if call:foo x ⟩ do end");
        assert_eq!(show("foo(x) do end"), "do:foo( ( x ) do end");
        assert_eq!(show("if foo(x) do end"), "do:if foo( ( x ) do end");
        assert_eq!(show("x = case y do end"), "x = do:case y do end");
    }

    #[test]
    fn newlines() {
        assert_eq!(show("a\nb"), "a ; b");
        assert_eq!(show("a\n\n;\nb\n"), "a ; b");
        assert_eq!(show("a +\nb"), "a + b");
        assert_eq!(show("a\n|> b"), "a |> b");
        assert_eq!(show("a\n-b"), "a ; - b");
        assert_eq!(show("[\n1,\n2\n]"), "[ 1 , 2 ]");
        assert_eq!(show("foo a\nb"), "call:foo a ⟩ ; b");
    }

    #[test]
    fn captures_end_before_lower_precedence_operators() {
        assert_eq!(show("f(&g/1, x)"), "f( ( & g / 1 ⟫ , x )");
        assert_eq!(show("[&g/1 | t]"), "[ & g / 1 ⟫ | t ]");
        assert_eq!(show("foo &g/1"), "call:foo & g / 1 ⟫ ⟩");
    }

    #[test]
    fn unbalanced_brackets() {
        let err = |src: &str| classify(src, tokenize(src).expect("lexes"), 0).expect_err(src);
        assert_eq!(err("x)").message, "unexpected token: )");
        assert_eq!(err("(x]").message, "unexpected token: ]");
        assert_eq!(err("end").message, "unexpected reserved word: end");
        let open = classify("(do", tokenize("(do").expect("lexes"), 0).expect("classifies");
        assert_eq!(
            open.unclosed.iter().map(|u| u.opener).collect::<Vec<_>>(),
            ["(", "do"]
        );
    }
}
