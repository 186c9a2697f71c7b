// The front-desk checklist: pick a procedure, answer the facts that decide conditional materials,
// tick what the resident brought, see what is missing, print the one-time notice (一次性告知单).
(function () {
  'use strict';

  var FORMS = { original: '原件', copy: '复印件', originalAndCopy: '原件及复印件' };
  var KINDS = { decision: '判断', publicity: '公示', end: '结束' };

  var $ = function (id) { return document.getElementById(id); };
  var desk = {
    office: document.body.dataset.office || '',
    contactLine: document.body.dataset.contactLine || '',
    address: document.body.dataset.address || ''
  };

  var state = {
    procedure: null,
    facts: {},          // name -> value (only answered facts)
    ticked: {},         // material id -> true
    checklist: [],
    currentStep: null,
    generation: 0
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function status(text) { $('status').textContent = text || ''; }

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error(url + ': HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // ---- 1. picking a procedure -------------------------------------------------------------------

  function search(q) {
    var url = '/api/procedures' + (q ? '?q=' + encodeURIComponent(q) : '');
    api('GET', url).then(function (list) {
      var results = $('results');
      results.textContent = '';
      if (!list.length) {
        results.appendChild(el('li', 'empty', '没有找到「' + q + '」，换个说法试试。'));
        return;
      }
      list.forEach(function (p) {
        var li = el('li');
        var button = el('button');
        button.type = 'button';
        button.dataset.id = p.id;
        button.appendChild(el('span', 'id', p.id));
        button.appendChild(document.createTextNode(p.title));
        button.appendChild(el('span', 'cat', p.category));
        if (state.procedure && state.procedure.id === p.id) button.setAttribute('aria-current', 'true');
        button.addEventListener('click', function () { pick(p.id); });
        li.appendChild(button);
        results.appendChild(li);
      });
      status('');
    }).catch(function () { status('事项列表加载失败，请刷新页面。'); });
  }

  function pick(id) {
    api('GET', '/api/procedures/' + encodeURIComponent(id)).then(function (procedure) {
      state.procedure = procedure;
      state.facts = {};
      state.ticked = {};
      state.checklist = [];
      state.currentStep = procedure.steps && procedure.steps.length ? procedure.steps[0].id : null;
      Array.prototype.forEach.call(document.querySelectorAll('#results button'), function (b) {
        if (b.dataset.id === id) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
      });
      renderSummary();
      renderFacts();
      renderFlow();
      renderRisks();
      $('work').hidden = false;
      $('notice').hidden = false;
      refresh();
      showNext();
      status('');
    }).catch(function () { status('事项加载失败，请重试。'); });
  }

  function renderSummary() {
    var p = state.procedure;
    $('title').textContent = p.title;
    var meta = [p.category];
    if (p.aliases && p.aliases.length) meta.push('又叫：' + p.aliases.slice(0, 5).join('、'));
    $('meta').textContent = meta.join('　');
    var legal = $('legal');
    legal.hidden = !p.legalNote;
    legal.textContent = p.legalNote ? '法规变化：' + p.legalNote.text : '';
  }

  // ---- 2. the facts that decide conditional materials ------------------------------------------

  // The fact names used in materials' conditions, in the procedure's own order of facts.
  function decidingFacts(procedure) {
    var used = {};
    (procedure.materials || []).forEach(function (m) {
      if (!m.condition) return;
      var withoutStrings = m.condition.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ');
      (withoutStrings.match(/[A-Za-z_][A-Za-z0-9_]*/g) || []).forEach(function (name) { used[name] = true; });
    });
    return (procedure.facts || []).filter(function (f) { return used[f.name]; });
  }

  function renderFacts() {
    var facts = decidingFacts(state.procedure);
    var box = $('facts');
    box.textContent = '';
    $('facts-card').hidden = facts.length === 0;
    facts.forEach(function (fact) { box.appendChild(factControl(fact)); });
  }

  function factControl(fact) {
    var type = String(fact.type || '').toLowerCase();
    if (type === 'boolean') {
      return choiceGroup(fact, [
        { value: 'true', label: '是' }, { value: 'false', label: '否' }, { value: '', label: '不确定' }
      ], function (v) { return v === '' ? undefined : v === 'true'; });
    }
    if (type === 'enum' && fact.values && fact.values.length <= 6) {
      var options = fact.values.map(function (v) { return { value: v.value, label: v.label || v.value }; });
      options.push({ value: '', label: '不确定' });
      return choiceGroup(fact, options, function (v) { return v === '' ? undefined : v; });
    }

    var wrap = el('div', 'fact');
    var id = 'fact-' + fact.name;
    var label = el('label', null, fact.label || fact.name);
    label.htmlFor = id;
    wrap.appendChild(label);
    wrap.appendChild(el('span', 'q', fact.question));
    var input;
    if (type === 'enum') {
      input = el('select');
      input.appendChild(new Option('不确定', ''));
      fact.values.forEach(function (v) { input.appendChild(new Option(v.label || v.value, v.value)); });
    } else {
      input = el('input');
      input.type = 'number';
      input.inputMode = 'numeric';
      if (fact.min !== undefined) input.min = fact.min;
      if (fact.max !== undefined) input.max = fact.max;
      if (type === 'integer') input.step = '1';
    }
    input.id = id;
    input.name = fact.name;
    input.addEventListener('change', function () {
      var raw = input.value.trim();
      var value = raw === '' ? undefined : (type === 'enum' ? raw : Number(raw));
      setFact(fact.name, value);
    });
    wrap.appendChild(input);
    return wrap;
  }

  function choiceGroup(fact, options, parse) {
    var set = el('fieldset', 'fact');
    set.dataset.fact = fact.name;
    set.appendChild(el('legend', null, fact.label || fact.name));
    set.appendChild(el('span', 'q', fact.question));
    var choices = el('div', 'choices');
    options.forEach(function (option) {
      var label = el('label');
      var input = el('input');
      input.type = 'radio';
      input.name = 'fact-' + fact.name;
      input.value = option.value;
      input.checked = option.value === '';
      input.addEventListener('change', function () { if (input.checked) setFact(fact.name, parse(option.value)); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(option.label));
      choices.appendChild(label);
    });
    set.appendChild(choices);
    return set;
  }

  function setFact(name, value) {
    if (value === undefined || (typeof value === 'number' && isNaN(value))) delete state.facts[name];
    else state.facts[name] = value;
    refresh();
  }

  // ---- 3. the checklist and 4. completeness -----------------------------------------------------

  var refresh = debounce(function () {
    var p = state.procedure;
    var generation = ++state.generation;
    api('POST', '/api/procedures/' + encodeURIComponent(p.id) + '/checklist', { facts: state.facts })
      .then(function (checklist) {
        if (generation !== state.generation) return null;
        state.checklist = checklist.materials || [];
        var present = {};
        state.checklist.forEach(function (m) { present[m.id] = true; });
        Object.keys(state.ticked).forEach(function (id) { if (!present[id]) delete state.ticked[id]; });
        renderMaterials();
        return api('POST', '/api/procedures/' + encodeURIComponent(p.id) + '/completeness', {
          facts: state.facts,
          submitted: submittedNames()
        });
      })
      .then(function (result) {
        if (!result || generation !== state.generation) return;
        renderMissing(result);
        renderNotice(result);
        status('');
      })
      .catch(function (error) {
        if (generation === state.generation) status('核对失败（' + (error.status || '网络') + '），请重试。');
      });
  }, 120);

  function submittedNames() {
    var names = [];
    state.checklist.forEach(function (m) {
      if (!state.ticked[m.id]) return;
      names.push(m.name);
      (m.parts || []).forEach(function (part) { names.push(part.name); });
    });
    return names;
  }

  function formText(m) {
    var text = FORMS[m.form] || '';
    if (m.copies) text += (text ? ' · ' : '') + m.copies + (m.unit || '份');
    return text;
  }

  function renderMaterials() {
    var list = $('materials');
    list.textContent = '';
    state.checklist.forEach(function (m) {
      var li = el('li');
      li.dataset.id = m.id;
      if (m.applies === 'unknown') li.classList.add('unknown');
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = !!state.ticked[m.id];
      box.dataset.material = m.id;
      box.addEventListener('change', function () {
        if (box.checked) state.ticked[m.id] = true; else delete state.ticked[m.id];
        refresh();
      });
      label.appendChild(box);
      var text = el('span');
      text.appendChild(el('span', 'name', m.name));
      text.appendChild(document.createTextNode(' '));
      text.appendChild(el('span', 'form', formText(m)));
      label.appendChild(text);
      li.appendChild(label);

      var badges = el('div', 'badges');
      if (m.conditionLabel) badges.appendChild(el('span', 'badge cond', m.conditionLabel));
      if (m.supply === 'office' && !(m.note && m.note.indexOf('出具') >= 0)) badges.appendChild(el('span', 'badge', '由村（社区）出具'));
      if (m.supply === 'onRequest') badges.appendChild(el('span', 'badge', '工作人员要求时提供'));
      if (m.applies === 'unknown') {
        (m.missingFacts || []).forEach(function (f) { badges.appendChild(el('span', 'badge ask', '待确认：' + f.question)); });
      }
      if (badges.childNodes.length) li.appendChild(badges);
      if (m.parts && m.parts.length) {
        var parts = el('ul', 'parts');
        m.parts.forEach(function (part) { parts.appendChild(el('li', null, part.name)); });
        li.appendChild(parts);
      }
      if (m.note) li.appendChild(el('p', 'note', m.note));
      list.appendChild(li);
    });
  }

  function renderMissing(result) {
    var box = $('missing');
    box.textContent = '';
    if (result.complete) {
      box.appendChild(el('p', 'ok', '材料齐全，可以受理。'));
    } else {
      box.appendChild(el('p', null, '还缺 ' + result.missing.length + ' 项：'));
      var list = el('ul');
      result.missing.forEach(function (m) {
        var li = el('li');
        li.dataset.material = m.materialId;
        li.appendChild(el('strong', null, m.name));
        var form = formText(m);
        if (form) li.appendChild(document.createTextNode('（' + form + '）'));
        var why = m.reason || '';
        if (m.missingParts && m.missingParts.length) why += (why ? '；' : '') + '缺：' + m.missingParts.map(partName).join('、');
        if (why) li.appendChild(el('span', 'why', why));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (result.unrecognized && result.unrecognized.length) {
      box.appendChild(el('p', 'other', '未识别：' + result.unrecognized.join('、')));
    }
  }

  function partName(part) { return typeof part === 'string' ? part : (part.name || part.id); }

  // ---- the one-time notice ----------------------------------------------------------------------

  // The notice's wording comes from the completeness answer (the same parts the API's plain-text notice
  // is written from); the page only lays it out and adds the desk's own address and telephone.
  function renderNotice(result) {
    var p = state.procedure;
    var notice = result.noticeParts;
    $('n-title').textContent = notice.procedure;
    $('n-date').textContent = notice.date;
    $('n-lead').textContent = notice.lead;
    fillList($('n-missing'), notice.missing);
    showText($('n-conditional-lead'), notice.conditionalLead);
    fillList($('n-conditional'), notice.conditional);
    showText($('n-closing'), notice.closing);
    showText($('n-legal'), notice.policyNote);
    $('n-where').textContent = desk.office + (desk.address ? '（' + desk.address + '）' : '');
    var actors = p.actors || {};
    var handling = (actors.implementing && actors.implementing.length ? actors.implementing : actors.cooperating) || [];
    $('n-handler').textContent = handling.join('、') || desk.office;
    $('n-phone').textContent = desk.contactLine || '请到服务站咨询';
  }

  function fillList(list, lines) {
    list.textContent = '';
    (lines || []).forEach(function (line) { list.appendChild(el('li', null, line)); });
  }

  function showText(node, text) {
    node.hidden = !text;
    node.textContent = text || '';
  }

  // ---- the flow ---------------------------------------------------------------------------------

  function stepName(id) {
    var step = (state.procedure.steps || []).filter(function (s) { return s.id === id; })[0];
    return step ? step.name : id;
  }

  function days(step) {
    if (!step.minDays) return '';
    return '不少于' + step.minDays + (step.dayUnit === 'working' ? '个工作日' : '日');
  }

  function renderFlow() {
    var list = $('flow');
    list.textContent = '';
    (state.procedure.steps || []).forEach(function (step) {
      var li = el('li');
      li.dataset.step = step.id;
      if (step.id === state.currentStep) li.classList.add('current');
      var button = el('button');
      button.type = 'button';
      button.appendChild(document.createTextNode(step.name));
      var kind = String(step.kind || '').toLowerCase();
      if (KINDS[kind]) button.appendChild(el('span', 'kind ' + kind, KINDS[kind] + (kind === 'publicity' && days(step) ? ' ' + days(step) : '')));
      if (step.actor) button.appendChild(el('span', 'actor', step.actor));
      if (kind === 'decision') button.appendChild(el('span', 'branch', '是 → ' + stepName(step.yes) + '；否 → ' + stepName(step.no)));
      button.addEventListener('click', function () { state.currentStep = step.id; renderFlow(); showNext(); });
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  function showNext(outcome) {
    var p = state.procedure;
    var box = $('next');
    var current = (p.steps || []).filter(function (s) { return s.id === state.currentStep; })[0];

    // At a decision, staff answer it first; the next step depends on the answer.
    if (current && String(current.kind).toLowerCase() === 'decision' && !outcome) {
      box.textContent = '';
      box.appendChild(el('p', null, '当前判断：' + current.name + (current.summary ? '（' + current.summary + '）' : '')));
      var outcomes = el('div', 'outcomes');
      [['yes', '是'], ['no', '否']].forEach(function (pair) {
        var b = el('button', null, pair[1]);
        b.type = 'button';
        b.addEventListener('click', function () { showNext(pair[0]); });
        outcomes.appendChild(b);
      });
      box.appendChild(outcomes);
      return;
    }

    var body = {};
    if (state.currentStep) body.currentStep = state.currentStep;
    if (outcome) body.outcome = outcome;
    api('POST', '/api/procedures/' + encodeURIComponent(p.id) + '/next-steps', body).then(function (result) {
      box.textContent = '';
      if (current && outcome) box.appendChild(el('p', null, current.name + '：' + (outcome === 'yes' ? '是' : '否')));
      var next = result.next || [];
      if (!next.length) { box.appendChild(el('p', null, '流程已结束。')); return; }
      box.appendChild(el('p', null, '下一步：'));
      next.forEach(function (s) {
        var extra = [s.actor, s.duration, s.minDays ? days(s) : ''].filter(Boolean).join('，');
        var b = el('button', null, s.name + (extra ? '（' + extra + '）' : ''));
        b.type = 'button';
        b.className = 'step-link';
        b.addEventListener('click', function () { state.currentStep = s.id; renderFlow(); showNext(); });
        box.appendChild(b);
      });
    }).catch(function () {
      box.textContent = '暂时查不到下一步。';
    });
  }

  function renderRisks() {
    var p = state.procedure;
    var box = $('risks');
    box.textContent = '';
    box.appendChild(el('h3', null, '风险点'));
    var risks = el('ul');
    (p.risks || []).forEach(function (r) { risks.appendChild(el('li', null, r)); });
    box.appendChild(risks);
    box.appendChild(el('h3', null, '防控措施'));
    var measures = el('ul');
    (p.measures || []).forEach(function (m) { measures.appendChild(el('li', null, m)); });
    box.appendChild(measures);
    var supervising = (p.actors && p.actors.supervising) || [];
    if (supervising.length) box.appendChild(el('p', 'where', '监督主体：' + supervising.join('、')));
    // The rule files list risk points per procedure, not per step.
    box.appendChild(el('p', 'where', '流程图按整个事项列出风险点，办理每一步时都应对照。'));
  }

  // ---- start ------------------------------------------------------------------------------------

  $('search').addEventListener('input', debounce(function () { search($('search').value.trim()); }, 200));
  $('print').addEventListener('click', function () { window.print(); });
  search('');
}());
