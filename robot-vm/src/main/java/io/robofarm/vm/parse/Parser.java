package io.robofarm.vm.parse;

import io.robofarm.vm.code.Instruction;
import io.robofarm.vm.code.LocalVarInfo;
import io.robofarm.vm.code.OpCode;
import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.code.UpvalueDesc;
import io.robofarm.vm.lex.Lexer;
import io.robofarm.vm.lex.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.robofarm.vm.code.Instruction.FIELDS_PER_FLUSH;
import static io.robofarm.vm.code.Instruction.MULTRET;
import static io.robofarm.vm.parse.FuncState.NO_JUMP;

/**
 * Recursive-descent parser for Lua 5.4 that generates code while it parses (one pass, like Lua).
 * Each method is headed by the grammar rule it recognizes. Scoping, goto resolution and
 * variable lookup live here; instruction selection lives in {@link Codegen} and {@link FuncState}.
 */
final class Parser {
    private static final String ENV = "_ENV";
    private static final String BREAK = "break";

    private final Lexer lexer;
    private final String source;
    /** Active local variables of all functions being compiled, innermost last. */
    private final List<VarDesc> actVars = new ArrayList<>();
    private final List<LabelDesc> gotos = new ArrayList<>();
    private final List<LabelDesc> labels = new ArrayList<>();
    private final Map<Object, Integer> constantCache = new HashMap<>();
    private FuncState fs;
    private Codegen code;
    private int depth;

    Parser(Lexer lexer, String source) {
        this.lexer = lexer;
        this.source = source;
    }

    // mainfunc -> statlist EOS
    Prototype mainFunction() {
        openFunction(0);
        setVararg(0);
        fs.addUpvalue(new UpvalueDesc(ENV, true, 0, LocalVarInfo.REGULAR));
        lexer.next();
        statList();
        check(Token.EOS);
        return closeFunction();
    }

    // ---- helpers for tokens and errors

    private LuaSyntaxError errorExpected(Token t) {
        return lexer.syntaxError(t.describe() + " expected");
    }

    private boolean testNext(Token t) {
        if (lexer.token() == t) {
            lexer.next();
            return true;
        }
        return false;
    }

    private void check(Token t) {
        if (lexer.token() != t) {
            throw errorExpected(t);
        }
    }

    private void checkNext(Token t) {
        check(t);
        lexer.next();
    }

    private void checkCondition(boolean ok, String msg) {
        if (!ok) {
            throw lexer.syntaxError(msg);
        }
    }

    /** Expects {@code what} closing {@code who} opened at line {@code where}. */
    private void checkMatch(Token what, Token who, int where) {
        if (!testNext(what)) {
            if (where == lexer.line()) {
                throw errorExpected(what);
            }
            throw lexer.syntaxError(what.describe() + " expected (to close " + who.describe()
                    + " at line " + where + ")");
        }
    }

    private String checkName() {
        check(Token.NAME);
        String name = lexer.stringValue();
        lexer.next();
        return name;
    }

    private void codeName(ExpDesc e) {
        e.initString(checkName());
    }

    /** Guards the Java stack: deep nesting is an error, as Lua's C-stack limit makes it. */
    private void enterLevel() {
        if (++depth >= Limits.MAX_DEPTH) {
            throw new LuaSyntaxError("C stack overflow", lexer.line(), lexer.column());
        }
    }

    private void leaveLevel() {
        depth--;
    }

    // ---- functions and blocks

    private void openFunction(int line) {
        fs = new FuncState(fs, lexer, actVars, labels, constantCache, line);
        code = new Codegen(fs);
        enterBlock(false);
    }

    private Prototype closeFunction() {
        fs.ret(fs.nvarstack(), 0);
        leaveBlock();
        fs.finish();
        Prototype p = fs.toPrototype(source);
        fs = fs.prev;
        code = fs == null ? null : new Codegen(fs);
        return p;
    }

    private void setVararg(int nparams) {
        fs.isVararg = true;
        fs.emitABC(OpCode.VARARGPREP, nparams, 0, 0);
    }

    private void enterBlock(boolean isLoop) {
        fs.block = new BlockScope(fs.block, labels.size(), gotos.size(), fs.nactvar, isLoop);
    }

    private void leaveBlock() {
        BlockScope bl = fs.block;
        boolean hasClose = false;
        int stackLevel = fs.regLevel(bl.nactvar);
        if (bl.isLoop) {
            hasClose = createLabel(BREAK, 0, false);
        }
        if (!hasClose && bl.previous != null && bl.upval) {
            fs.emitABC(OpCode.CLOSE, stackLevel, 0, 0);
        }
        fs.freereg = stackLevel;
        if (bl.previous != null) {
            moveGotosOut(bl);
        }
        removeVars(bl.nactvar);
        truncate(labels, bl.firstLabel);
        fs.block = bl.previous;
        if (bl.previous == null && bl.firstGoto < gotos.size()) {
            throw undefinedGoto(gotos.get(bl.firstGoto));
        }
    }

    private static void truncate(List<?> list, int size) {
        list.subList(size, list.size()).clear();
    }

    // block -> statlist
    private void block() {
        enterBlock(false);
        statList();
        leaveBlock();
    }

    private boolean blockFollow(boolean withUntil) {
        return switch (lexer.token()) {
            case ELSE, ELSEIF, END, EOS -> true;
            case UNTIL -> withUntil;
            default -> false;
        };
    }

    // statlist -> { stat [';'] }
    private void statList() {
        while (!blockFollow(true)) {
            if (lexer.token() == Token.RETURN) {
                statement();
                return;
            }
            statement();
        }
    }

    // ---- local variables

    private int newLocalVar(String name) {
        if (actVars.size() + 1 - fs.firstLocal > Limits.MAX_VARS) {
            throw Limits.error(fs, Limits.MAX_VARS, "local variables");
        }
        actVars.add(new VarDesc(name));
        return actVars.size() - 1 - fs.firstLocal;
    }

    /** Activates the last {@code nvars} declared variables: gives them registers and debug entries. */
    private void adjustLocalVars(int nvars) {
        int regLevel = fs.nvarstack();
        for (int i = 0; i < nvars; i++) {
            VarDesc var = fs.localVar(fs.nactvar++);
            var.ridx = regLevel++;
            var.pidx = fs.registerLocalVar(var.name);
        }
    }

    private void removeVars(int toLevel) {
        int newSize = actVars.size() - (fs.nactvar - toLevel);
        while (fs.nactvar > toLevel) {
            VarDesc var = fs.localVar(--fs.nactvar);
            if (!var.isCompileTimeConstant()) {
                fs.setLocalEnd(var.pidx, fs.pc);
            }
        }
        truncate(actVars, newSize);
    }

    private void initVar(FuncState f, ExpDesc e, int vidx) {
        e.init(ExpKind.LOCAL, 0);
        e.vidx = vidx;
        e.ridx = f.localVar(vidx).ridx;
    }

    /** Looks {@code name} up among the active locals of {@code f}; returns false if absent. */
    private boolean searchVar(FuncState f, String name, ExpDesc var) {
        for (int i = f.nactvar - 1; i >= 0; i--) {
            VarDesc vd = f.localVar(i);
            if (name.equals(vd.name)) {
                if (vd.isCompileTimeConstant()) {
                    var.init(ExpKind.CONST, f.firstLocal + i);
                } else {
                    initVar(f, var, i);
                }
                return true;
            }
        }
        return false;
    }

    /** Resolves a name in function {@code f} and its enclosing functions; VOID means global. */
    private void singleVarAux(FuncState f, String name, ExpDesc var, boolean base) {
        if (f == null) {
            var.init(ExpKind.VOID, 0);
            return;
        }
        if (searchVar(f, name, var)) {
            if (var.kind == ExpKind.LOCAL && !base) {
                f.markUpval(var.vidx);
            }
            return;
        }
        int idx = f.searchUpvalue(name);
        if (idx < 0) {
            singleVarAux(f.prev, name, var, false);
            if (var.kind != ExpKind.LOCAL && var.kind != ExpKind.UPVAL) {
                return;
            }
            idx = newUpvalue(f, name, var);
        }
        var.init(ExpKind.UPVAL, idx);
    }

    private int newUpvalue(FuncState f, String name, ExpDesc v) {
        FuncState prev = f.prev;
        if (v.kind == ExpKind.LOCAL) {
            return f.addUpvalue(new UpvalueDesc(name, true, v.ridx, prev.localVar(v.vidx).kind));
        }
        return f.addUpvalue(new UpvalueDesc(name, false, v.info, prev.upvalues.get(v.info).kind()));
    }

    // singlevar -> NAME
    private void singleVar(ExpDesc var) {
        String name = checkName();
        singleVarAux(fs, name, var, true);
        if (var.kind == ExpKind.VOID) {
            ExpDesc key = new ExpDesc();
            singleVarAux(fs, ENV, var, true);
            code.exp2anyregup(var);
            key.initString(name);
            code.indexed(var, key);
        }
    }

    private void checkReadonly(ExpDesc e) {
        String varName = switch (e.kind) {
            case CONST -> actVars.get(e.info).name;
            case LOCAL -> {
                VarDesc vd = fs.localVar(e.vidx);
                yield vd.kind != LocalVarInfo.REGULAR ? vd.name : null;
            }
            case UPVAL -> {
                UpvalueDesc up = fs.upvalues.get(e.info);
                yield up.kind() != LocalVarInfo.REGULAR ? up.name() : null;
            }
            default -> null;
        };
        if (varName != null) {
            throw lexer.semanticError("attempt to assign to const variable '" + varName + "'");
        }
    }

    /** Adjusts {@code nexps} values (the last one is {@code e}) to {@code nvars} registers. */
    private void adjustAssign(int nvars, int nexps, ExpDesc e) {
        int needed = nvars - nexps;
        if (e.kind.hasMultipleResults()) {
            code.setReturns(e, Math.max(needed + 1, 0));
        } else {
            if (e.kind != ExpKind.VOID) {
                code.exp2nextreg(e);
            }
            if (needed > 0) {
                fs.loadNil(fs.freereg, needed);
            }
        }
        if (needed > 0) {
            fs.reserveRegs(needed);
        } else {
            fs.freereg += needed;
        }
    }

    // ---- labels and gotos

    private LuaSyntaxError undefinedGoto(LabelDesc gt) {
        if (gt.name.equals(BREAK)) {
            return lexer.semanticError("break outside loop at line " + gt.line);
        }
        return lexer.semanticError("no visible label '" + gt.name + "' for <goto> at line " + gt.line);
    }

    private LabelDesc findLabel(String name) {
        for (int i = fs.firstLabel; i < labels.size(); i++) {
            LabelDesc lb = labels.get(i);
            if (lb.name.equals(name)) {
                return lb;
            }
        }
        return null;
    }

    private void newGoto(String name, int line, int pc) {
        gotos.add(new LabelDesc(name, line, pc, fs.nactvar));
    }

    /** Resolves the pending gotos of the current block that target {@code lb}; true if one needs a CLOSE. */
    private boolean solveGotos(LabelDesc lb) {
        boolean needsClose = false;
        int i = fs.block.firstGoto;
        while (i < gotos.size()) {
            LabelDesc gt = gotos.get(i);
            if (gt.name.equals(lb.name)) {
                needsClose |= gt.close;
                if (gt.nactvar < lb.nactvar) {
                    String varName = fs.localVar(gt.nactvar).name;
                    throw lexer.semanticError("<goto " + gt.name + "> at line " + gt.line
                            + " jumps into the scope of local '" + varName + "'");
                }
                fs.patchList(gt.pc, lb.pc);
                gotos.remove(i);
            } else {
                i++;
            }
        }
        return needsClose;
    }

    private boolean createLabel(String name, int line, boolean last) {
        LabelDesc lb = new LabelDesc(name, line, fs.label(), fs.nactvar);
        labels.add(lb);
        if (last) {
            lb.nactvar = fs.block.nactvar;
        }
        if (solveGotos(lb)) {
            fs.emitABC(OpCode.CLOSE, fs.nvarstack(), 0, 0);
            return true;
        }
        return false;
    }

    /**
     * Moves the pending gotos of a block being closed to the enclosing block. Runs while the
     * block's variables are still listed, since it compares their registers.
     */
    private void moveGotosOut(BlockScope bl) {
        for (int i = bl.firstGoto; i < gotos.size(); i++) {
            LabelDesc gt = gotos.get(i);
            if (fs.regLevel(gt.nactvar) > fs.regLevel(bl.nactvar)) {
                gt.close |= bl.upval;
            }
            gt.nactvar = bl.nactvar;
        }
    }

    // ---- expressions

    // fieldsel -> ['.' | ':'] NAME
    private void fieldSel(ExpDesc v) {
        ExpDesc key = new ExpDesc();
        code.exp2anyregup(v);
        lexer.next();
        codeName(key);
        code.indexed(v, key);
    }

    // index -> '[' expr ']'
    private void yindex(ExpDesc v) {
        lexer.next();
        expr(v);
        code.exp2val(v);
        checkNext(Token.RBRACKET);
    }

    /** State of a table constructor being parsed. */
    private static final class ConsControl {
        final ExpDesc v = new ExpDesc();
        final ExpDesc t;
        int nh;
        int na;
        int tostore;

        ConsControl(ExpDesc t) {
            this.t = t;
        }
    }

    // recfield -> (NAME | '['exp']') = exp
    private void recField(ConsControl cc) {
        int reg = fs.freereg;
        ExpDesc key = new ExpDesc();
        ExpDesc val = new ExpDesc();
        if (lexer.token() == Token.NAME) {
            codeName(key);
        } else {
            yindex(key);
        }
        cc.nh++;
        checkNext(Token.ASSIGN);
        ExpDesc tab = new ExpDesc();
        tab.copyFrom(cc.t);
        code.indexed(tab, key);
        expr(val);
        code.storeVar(tab, val);
        fs.freereg = reg;
    }

    private void closeListField(ConsControl cc) {
        if (cc.v.kind == ExpKind.VOID) {
            return;
        }
        code.exp2nextreg(cc.v);
        cc.v.kind = ExpKind.VOID;
        if (cc.tostore == FIELDS_PER_FLUSH) {
            code.setList(cc.t.info, cc.na, cc.tostore);
            cc.na += cc.tostore;
            cc.tostore = 0;
        }
    }

    private void lastListField(ConsControl cc) {
        if (cc.tostore == 0) {
            return;
        }
        if (cc.v.kind.hasMultipleResults()) {
            code.setMultRet(cc.v);
            code.setList(cc.t.info, cc.na, MULTRET);
            cc.na--;
        } else {
            if (cc.v.kind != ExpKind.VOID) {
                code.exp2nextreg(cc.v);
            }
            code.setList(cc.t.info, cc.na, cc.tostore);
        }
        cc.na += cc.tostore;
    }

    // listfield -> exp
    private void listField(ConsControl cc) {
        expr(cc.v);
        cc.tostore++;
    }

    // field -> listfield | recfield
    private void field(ConsControl cc) {
        switch (lexer.token()) {
            case NAME -> {
                if (lexer.lookahead() != Token.ASSIGN) {
                    listField(cc);
                } else {
                    recField(cc);
                }
            }
            case LBRACKET -> recField(cc);
            default -> listField(cc);
        }
    }

    // constructor -> '{' [ field { sep field } [sep] ] '}'    sep -> ',' | ';'
    private void constructor(ExpDesc t) {
        int line = lexer.line();
        int pc = fs.emitABC(OpCode.NEWTABLE, 0, 0, 0);
        fs.emit(0);
        ConsControl cc = new ConsControl(t);
        t.init(ExpKind.NONRELOC, fs.freereg);
        fs.reserveRegs(1);
        cc.v.init(ExpKind.VOID, 0);
        checkNext(Token.LBRACE);
        do {
            if (lexer.token() == Token.RBRACE) {
                break;
            }
            closeListField(cc);
            field(cc);
        } while (testNext(Token.COMMA) || testNext(Token.SEMICOLON));
        checkMatch(Token.RBRACE, Token.LBRACE, line);
        lastListField(cc);
        code.setTableSize(pc, t.info, cc.na, cc.nh);
    }

    // parlist -> [ {NAME ','} (NAME | '...') ]
    private void parList() {
        int nparams = 0;
        boolean isVararg = false;
        if (lexer.token() != Token.RPAREN) {
            do {
                switch (lexer.token()) {
                    case NAME -> {
                        newLocalVar(checkName());
                        nparams++;
                    }
                    case DOTS -> {
                        lexer.next();
                        isVararg = true;
                    }
                    default -> throw lexer.syntaxError("<name> or '...' expected");
                }
            } while (!isVararg && testNext(Token.COMMA));
        }
        adjustLocalVars(nparams);
        fs.numParams = fs.nactvar;
        if (isVararg) {
            setVararg(fs.numParams);
        }
        fs.reserveRegs(fs.nactvar);
    }

    // body -> '(' parlist ')' block END
    private void body(ExpDesc e, boolean isMethod, int line) {
        FuncState parent = fs;
        int protoIndex = parent.protos.size();
        parent.protos.add(null);
        openFunction(line);
        if (isMethod) {
            newLocalVar("self");
            adjustLocalVars(1);
        }
        checkNext(Token.LPAREN);
        parList();
        checkNext(Token.RPAREN);
        statList();
        fs.lastLineDefined = lexer.line();
        checkMatch(Token.END, Token.FUNCTION, line);
        parent.protos.set(protoIndex, closeFunction());
        e.init(ExpKind.RELOC, fs.emitABx(OpCode.CLOSURE, 0, protoIndex));
        code.exp2nextreg(e);
    }

    // explist -> expr { ',' expr }
    private int expList(ExpDesc v) {
        int n = 1;
        expr(v);
        while (testNext(Token.COMMA)) {
            code.exp2nextreg(v);
            expr(v);
            n++;
        }
        return n;
    }

    // funcargs -> '(' [ explist ] ')' | constructor | STRING
    private void funcArgs(ExpDesc f, int line) {
        ExpDesc args = new ExpDesc();
        switch (lexer.token()) {
            case LPAREN -> {
                lexer.next();
                if (lexer.token() == Token.RPAREN) {
                    args.kind = ExpKind.VOID;
                } else {
                    expList(args);
                    if (args.kind.hasMultipleResults()) {
                        code.setMultRet(args);
                    }
                }
                checkMatch(Token.RPAREN, Token.LPAREN, line);
            }
            case LBRACE -> constructor(args);
            case STRING -> {
                args.initString(lexer.stringValue());
                lexer.next();
            }
            default -> throw lexer.syntaxError("function arguments expected");
        }
        int base = f.info;
        int nparams;
        if (args.kind.hasMultipleResults()) {
            nparams = MULTRET;
        } else {
            if (args.kind != ExpKind.VOID) {
                code.exp2nextreg(args);
            }
            nparams = fs.freereg - (base + 1);
        }
        f.init(ExpKind.CALL, fs.emitABC(OpCode.CALL, base, nparams + 1, 2));
        fs.fixLine(line);
        fs.freereg = base + 1;
    }

    // primaryexp -> NAME | '(' expr ')'
    private void primaryExp(ExpDesc v) {
        switch (lexer.token()) {
            case LPAREN -> {
                int line = lexer.line();
                lexer.next();
                expr(v);
                checkMatch(Token.RPAREN, Token.LPAREN, line);
                code.dischargeVars(v);
            }
            case NAME -> singleVar(v);
            default -> throw lexer.syntaxError("unexpected symbol");
        }
    }

    // suffixedexp -> primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs }
    private void suffixedExp(ExpDesc v) {
        int line = lexer.line();
        primaryExp(v);
        for (;;) {
            switch (lexer.token()) {
                case DOT -> fieldSel(v);
                case LBRACKET -> {
                    ExpDesc key = new ExpDesc();
                    code.exp2anyregup(v);
                    yindex(key);
                    code.indexed(v, key);
                }
                case COLON -> {
                    ExpDesc key = new ExpDesc();
                    lexer.next();
                    codeName(key);
                    code.self(v, key);
                    funcArgs(v, line);
                }
                case LPAREN, STRING, LBRACE -> {
                    code.exp2nextreg(v);
                    funcArgs(v, line);
                }
                default -> {
                    return;
                }
            }
        }
    }

    // simpleexp -> FLT | INT | STRING | NIL | TRUE | FALSE | ... | constructor | FUNCTION body | suffixedexp
    private void simpleExp(ExpDesc v) {
        switch (lexer.token()) {
            case FLT -> {
                v.init(ExpKind.KFLT, 0);
                v.nval = (Double) lexer.numberValue();
            }
            case INT -> {
                v.init(ExpKind.KINT, 0);
                v.ival = (Long) lexer.numberValue();
            }
            case STRING -> v.initString(lexer.stringValue());
            case NIL -> v.init(ExpKind.NIL, 0);
            case TRUE -> v.init(ExpKind.TRUE, 0);
            case FALSE -> v.init(ExpKind.FALSE, 0);
            case DOTS -> {
                checkCondition(fs.isVararg, "cannot use '...' outside a vararg function");
                v.init(ExpKind.VARARG, fs.emitABC(OpCode.VARARG, 0, 0, 1));
            }
            case LBRACE -> {
                constructor(v);
                return;
            }
            case FUNCTION -> {
                lexer.next();
                body(v, false, lexer.line());
                return;
            }
            default -> {
                suffixedExp(v);
                return;
            }
        }
        lexer.next();
    }

    // subexpr -> (simpleexp | unop subexpr) { binop subexpr }
    // where 'binop' is any binary operator with a priority higher than 'limit'
    private BinOpr subExpr(ExpDesc v, int limit) {
        enterLevel();
        UnOpr uop = UnOpr.of(lexer.token());
        if (uop != null) {
            int line = lexer.line();
            lexer.next();
            subExpr(v, BinOpr.UNARY_PRIORITY);
            code.prefix(uop, v, line);
        } else {
            simpleExp(v);
        }
        BinOpr op = BinOpr.of(lexer.token());
        while (op != null && op.left > limit) {
            ExpDesc v2 = new ExpDesc();
            int line = lexer.line();
            lexer.next();
            code.infix(op, v);
            BinOpr nextOp = subExpr(v2, op.right);
            code.posfix(op, v, v2, line);
            op = nextOp;
        }
        leaveLevel();
        return op;
    }

    // expr -> subexpr
    private void expr(ExpDesc v) {
        subExpr(v, 0);
    }

    // ---- statements

    /** One target of a multiple assignment, chained to the targets before it. */
    private static final class AssignTarget {
        final AssignTarget prev;
        final ExpDesc v = new ExpDesc();

        AssignTarget(AssignTarget prev) {
            this.prev = prev;
        }
    }

    /**
     * In {@code a[i], i = ...} the table or index of an earlier target may be the variable assigned
     * now; such targets are redirected to a copy taken before the assignments happen.
     */
    private void checkConflict(AssignTarget lh, ExpDesc v) {
        int extra = fs.freereg;
        boolean conflict = false;
        for (; lh != null; lh = lh.prev) {
            ExpDesc t = lh.v;
            if (!t.kind.isIndexed()) {
                continue;
            }
            if (t.kind == ExpKind.INDEXUP) {
                if (v.kind == ExpKind.UPVAL && t.indT == v.info) {
                    conflict = true;
                    t.kind = ExpKind.INDEXSTR;
                    t.indT = extra;
                }
            } else {
                if (v.kind == ExpKind.LOCAL && t.indT == v.ridx) {
                    conflict = true;
                    t.indT = extra;
                }
                if (t.kind == ExpKind.INDEXED && v.kind == ExpKind.LOCAL && t.indIdx == v.ridx) {
                    conflict = true;
                    t.indIdx = extra;
                }
            }
        }
        if (conflict) {
            if (v.kind == ExpKind.LOCAL) {
                fs.emitABC(OpCode.MOVE, extra, v.ridx, 0);
            } else {
                fs.emitABC(OpCode.GETUPVAL, extra, v.info, 0);
            }
            fs.reserveRegs(1);
        }
    }

    // restassign -> ',' suffixedexp restassign | '=' explist
    private void restAssign(AssignTarget lh, int nvars) {
        ExpDesc e = new ExpDesc();
        checkCondition(lh.v.kind.isVar(), "syntax error");
        checkReadonly(lh.v);
        if (testNext(Token.COMMA)) {
            AssignTarget nv = new AssignTarget(lh);
            suffixedExp(nv.v);
            if (!nv.v.kind.isIndexed()) {
                checkConflict(lh, nv.v);
            }
            enterLevel();
            restAssign(nv, nvars + 1);
            leaveLevel();
        } else {
            checkNext(Token.ASSIGN);
            int nexps = expList(e);
            if (nexps != nvars) {
                adjustAssign(nvars, nexps, e);
            } else {
                code.setOneRet(e);
                code.storeVar(lh.v, e);
                return;
            }
        }
        e.init(ExpKind.NONRELOC, fs.freereg - 1);
        code.storeVar(lh.v, e);
    }

    // cond -> exp
    private int cond() {
        ExpDesc v = new ExpDesc();
        expr(v);
        if (v.kind == ExpKind.NIL) {
            v.kind = ExpKind.FALSE;
        }
        code.goIfTrue(v);
        return v.f;
    }

    // gotostat -> 'goto' NAME
    private void gotoStat() {
        int line = lexer.line();
        String name = checkName();
        LabelDesc lb = findLabel(name);
        if (lb == null) {
            newGoto(name, line, fs.jump());
        } else {
            int lbLevel = fs.regLevel(lb.nactvar);
            if (fs.nvarstack() > lbLevel) {
                fs.emitABC(OpCode.CLOSE, lbLevel, 0, 0);
            }
            fs.patchList(fs.jump(), lb.pc);
        }
    }

    // breakstat -> 'break'
    private void breakStat() {
        int line = lexer.line();
        lexer.next();
        newGoto(BREAK, line, fs.jump());
    }

    // label -> '::' NAME '::'
    private void labelStat(String name, int line) {
        checkNext(Token.DBCOLON);
        while (lexer.token() == Token.SEMICOLON || lexer.token() == Token.DBCOLON) {
            statement();
        }
        LabelDesc existing = findLabel(name);
        if (existing != null) {
            throw lexer.semanticError("label '" + name + "' already defined on line " + existing.line);
        }
        createLabel(name, line, blockFollow(false));
    }

    // whilestat -> WHILE cond DO block END
    private void whileStat(int line) {
        lexer.next();
        int whileInit = fs.label();
        int condExit = cond();
        enterBlock(true);
        checkNext(Token.DO);
        block();
        fs.jumpTo(whileInit);
        checkMatch(Token.END, Token.WHILE, line);
        leaveBlock();
        fs.patchToHere(condExit);
    }

    // repeatstat -> REPEAT block UNTIL cond
    private void repeatStat(int line) {
        int repeatInit = fs.label();
        enterBlock(true);
        enterBlock(false);
        BlockScope scope = fs.block;
        lexer.next();
        statList();
        checkMatch(Token.UNTIL, Token.REPEAT, line);
        int condExit = cond();
        leaveBlock();
        if (scope.upval) {
            int exit = fs.jump();
            fs.patchToHere(condExit);
            fs.emitABC(OpCode.CLOSE, fs.regLevel(scope.nactvar), 0, 0);
            condExit = fs.jump();
            fs.patchToHere(exit);
        }
        fs.patchList(condExit, repeatInit);
        leaveBlock();
    }

    /** Evaluates an expression into the next register (for-loop control values). */
    private void exp1() {
        ExpDesc e = new ExpDesc();
        expr(e);
        code.exp2nextreg(e);
    }

    /** Sets the Bx jump distance of a for-loop instruction. */
    private void fixForJump(int pc, int dest, boolean back) {
        int offset = dest - (pc + 1);
        if (back) {
            offset = -offset;
        }
        if (offset > Instruction.MAXARG_BX) {
            throw lexer.syntaxError("control structure too long");
        }
        fs.set(pc, Instruction.setBx(fs.get(pc), offset));
    }

    // forbody -> DO block
    private void forBody(int base, int line, int nvars, boolean isGeneric) {
        checkNext(Token.DO);
        int prep = fs.emitABx(isGeneric ? OpCode.TFORPREP : OpCode.FORPREP, base, 0);
        enterBlock(false);
        adjustLocalVars(nvars);
        fs.reserveRegs(nvars);
        block();
        leaveBlock();
        fixForJump(prep, fs.label(), false);
        if (isGeneric) {
            fs.emitABC(OpCode.TFORCALL, base, 0, nvars);
            fs.fixLine(line);
        }
        int endFor = fs.emitABx(isGeneric ? OpCode.TFORLOOP : OpCode.FORLOOP, base, 0);
        fixForJump(endFor, prep + 1, true);
        fs.fixLine(line);
    }

    // fornum -> NAME = exp,exp[,exp] forbody
    private void forNum(String varName, int line) {
        int base = fs.freereg;
        newLocalVar("(for state)");
        newLocalVar("(for state)");
        newLocalVar("(for state)");
        newLocalVar(varName);
        checkNext(Token.ASSIGN);
        exp1();
        checkNext(Token.COMMA);
        exp1();
        if (testNext(Token.COMMA)) {
            exp1();
        } else {
            code.loadInt(fs.freereg, 1);
            fs.reserveRegs(1);
        }
        adjustLocalVars(3);
        forBody(base, line, 1, false);
    }

    // forlist -> NAME {,NAME} IN explist forbody
    private void forList(String indexName) {
        ExpDesc e = new ExpDesc();
        int nvars = 5;
        int base = fs.freereg;
        newLocalVar("(for state)");
        newLocalVar("(for state)");
        newLocalVar("(for state)");
        newLocalVar("(for state)");
        newLocalVar(indexName);
        while (testNext(Token.COMMA)) {
            newLocalVar(checkName());
            nvars++;
        }
        checkNext(Token.IN);
        int line = lexer.line();
        adjustAssign(4, expList(e), e);
        adjustLocalVars(4);
        fs.markToBeClosed();
        fs.checkStack(3);
        forBody(base, line, nvars - 4, true);
    }

    // forstat -> FOR (fornum | forlist) END
    private void forStat(int line) {
        enterBlock(true);
        lexer.next();
        String varName = checkName();
        switch (lexer.token()) {
            case ASSIGN -> forNum(varName, line);
            case COMMA, IN -> forList(varName);
            default -> throw lexer.syntaxError("'=' or 'in' expected");
        }
        checkMatch(Token.END, Token.FOR, line);
        leaveBlock();
    }

    // test_then_block -> [IF | ELSEIF] cond THEN block
    private int testThenBlock(int escapeList) {
        ExpDesc v = new ExpDesc();
        int jf;
        lexer.next();
        expr(v);
        checkNext(Token.THEN);
        if (lexer.token() == Token.BREAK) {
            int line = lexer.line();
            code.goIfFalse(v);
            lexer.next();
            enterBlock(false);
            newGoto(BREAK, line, v.t);
            skipSemicolons();
            if (blockFollow(false)) {
                leaveBlock();
                return escapeList;
            }
            jf = fs.jump();
        } else {
            code.goIfTrue(v);
            enterBlock(false);
            jf = v.f;
        }
        statList();
        leaveBlock();
        if (lexer.token() == Token.ELSE || lexer.token() == Token.ELSEIF) {
            escapeList = fs.concat(escapeList, fs.jump());
        }
        fs.patchToHere(jf);
        return escapeList;
    }

    private void skipSemicolons() {
        while (lexer.token() == Token.SEMICOLON) {
            lexer.next();
        }
    }

    // ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END
    private void ifStat(int line) {
        int escapeList = testThenBlock(NO_JUMP);
        while (lexer.token() == Token.ELSEIF) {
            escapeList = testThenBlock(escapeList);
        }
        if (testNext(Token.ELSE)) {
            block();
        }
        checkMatch(Token.END, Token.IF, line);
        fs.patchToHere(escapeList);
    }

    // localfunc -> FUNCTION NAME body
    private void localFunc() {
        ExpDesc b = new ExpDesc();
        int fvar = fs.nactvar;
        newLocalVar(checkName());
        adjustLocalVars(1);
        body(b, false, lexer.line());
        fs.setLocalStart(fs.localVar(fvar).pidx, fs.pc);
    }

    // attrib -> ['<' NAME '>']
    private int localAttribute() {
        if (testNext(Token.LT)) {
            String attr = checkName();
            checkNext(Token.GT);
            switch (attr) {
                case "const":
                    return LocalVarInfo.CONST;
                case "close":
                    return LocalVarInfo.TO_BE_CLOSED;
                default:
                    throw lexer.semanticError("unknown attribute '" + attr + "'");
            }
        }
        return LocalVarInfo.REGULAR;
    }

    private void checkToClose(int level) {
        if (level != -1) {
            fs.markToBeClosed();
            fs.emitABC(OpCode.TBC, fs.regLevel(level), 0, 0);
        }
    }

    // localstat -> LOCAL NAME attrib { ',' NAME attrib } ['=' explist]
    private void localStat() {
        int toClose = -1;
        int vidx;
        int nvars = 0;
        int nexps;
        ExpDesc e = new ExpDesc();
        do {
            vidx = newLocalVar(checkName());
            int kind = localAttribute();
            fs.localVar(vidx).kind = kind;
            if (kind == LocalVarInfo.TO_BE_CLOSED) {
                if (toClose != -1) {
                    throw lexer.semanticError("multiple to-be-closed variables in local list");
                }
                toClose = fs.nactvar + nvars;
            }
            nvars++;
        } while (testNext(Token.COMMA));
        if (testNext(Token.ASSIGN)) {
            nexps = expList(e);
        } else {
            e.kind = ExpKind.VOID;
            nexps = 0;
        }
        VarDesc var = fs.localVar(vidx);
        if (nvars == nexps && var.kind == LocalVarInfo.CONST && code.isConstant(e)) {
            var.constValue = code.constantValue(e);
            var.kind = LocalVarInfo.COMPILE_TIME_CONST;
            adjustLocalVars(nvars - 1);
            fs.nactvar++;
        } else {
            adjustAssign(nvars, nexps, e);
            adjustLocalVars(nvars);
        }
        checkToClose(toClose);
    }

    // funcname -> NAME {fieldsel} [':' NAME]
    private boolean funcName(ExpDesc v) {
        boolean isMethod = false;
        singleVar(v);
        while (lexer.token() == Token.DOT) {
            fieldSel(v);
        }
        if (lexer.token() == Token.COLON) {
            isMethod = true;
            fieldSel(v);
        }
        return isMethod;
    }

    // funcstat -> FUNCTION funcname body
    private void funcStat(int line) {
        ExpDesc v = new ExpDesc();
        ExpDesc b = new ExpDesc();
        lexer.next();
        boolean isMethod = funcName(v);
        body(b, isMethod, line);
        checkReadonly(v);
        code.storeVar(v, b);
        fs.fixLine(line);
    }

    // exprstat -> func | assignment
    private void exprStat() {
        AssignTarget v = new AssignTarget(null);
        suffixedExp(v.v);
        if (lexer.token() == Token.ASSIGN || lexer.token() == Token.COMMA) {
            restAssign(v, 1);
        } else {
            checkCondition(v.v.kind == ExpKind.CALL, "syntax error");
            fs.set(v.v.info, Instruction.setC(fs.get(v.v.info), 1));
        }
    }

    // retstat -> RETURN [explist] [';']
    private void retStat() {
        ExpDesc e = new ExpDesc();
        int nret;
        int first = fs.nvarstack();
        if (blockFollow(true) || lexer.token() == Token.SEMICOLON) {
            nret = 0;
        } else {
            nret = expList(e);
            if (e.kind.hasMultipleResults()) {
                code.setMultRet(e);
                if (e.kind == ExpKind.CALL && nret == 1 && !fs.block.insideTbc) {
                    fs.set(e.info, Instruction.setOp(fs.get(e.info), OpCode.TAILCALL));
                }
                nret = MULTRET;
            } else if (nret == 1) {
                first = code.exp2anyreg(e);
            } else {
                code.exp2nextreg(e);
                first = fs.nvarstack();
            }
        }
        fs.ret(first, nret);
        testNext(Token.SEMICOLON);
    }

    private void statement() {
        int line = lexer.line();
        enterLevel();
        switch (lexer.token()) {
            case SEMICOLON -> lexer.next();
            case IF -> ifStat(line);
            case WHILE -> whileStat(line);
            case DO -> {
                lexer.next();
                block();
                checkMatch(Token.END, Token.DO, line);
            }
            case FOR -> forStat(line);
            case REPEAT -> repeatStat(line);
            case FUNCTION -> funcStat(line);
            case LOCAL -> {
                lexer.next();
                if (testNext(Token.FUNCTION)) {
                    localFunc();
                } else {
                    localStat();
                }
            }
            case DBCOLON -> {
                lexer.next();
                labelStat(checkName(), line);
            }
            case RETURN -> {
                lexer.next();
                retStat();
            }
            case BREAK -> breakStat();
            case GOTO -> {
                lexer.next();
                gotoStat();
            }
            default -> exprStat();
        }
        fs.freereg = fs.nvarstack();
        leaveLevel();
    }
}
