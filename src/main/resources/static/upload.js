/*
 * The upload page, enhanced: drop a file on the box or pick it, then upload it with a progress
 * bar (XMLHttpRequest reports upload progress; fetch does not). A checked package redirects to
 * its results page, which we follow; a refused one (422) comes back as the upload page with the
 * faults, which we show in place. Without this script the plain form does the same work.
 */
(function () {
  'use strict';

  var form = document.getElementById('upload-form');
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
    return;
  }
  var input = document.getElementById('package');
  var drop = document.getElementById('drop');
  var chosen = document.getElementById('chosen');
  var submit = document.getElementById('submit');
  var progress = document.getElementById('progress');
  var bar = document.getElementById('progress-bar');
  var status = document.getElementById('progress-text');
  var slot = document.getElementById('faults-slot');
  var dropped = null;

  function size(bytes) {
    if (bytes < 1024) { return bytes + ' 字节'; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1) + ' KB'; }
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  function current() {
    return dropped || (input.files && input.files[0]) || null;
  }

  function showChosen() {
    var file = current();
    chosen.textContent = file ? '已选择：' + file.name + '（' + size(file.size) + '）' : '';
  }

  function busy(on) {
    submit.disabled = on;
    input.disabled = on;
    progress.hidden = !on;
    if (on) {
      bar.value = 0;
      status.textContent = '正在上传 0%';
    }
  }

  function showError(title, detail) {
    slot.innerHTML = '';
    var box = document.createElement('section');
    box.className = 'faults upload-error';
    box.setAttribute('role', 'alert');
    var h = document.createElement('h3');
    h.textContent = title;
    box.appendChild(h);
    if (detail) {
      var p = document.createElement('p');
      p.textContent = detail;
      box.appendChild(p);
    }
    slot.appendChild(box);
  }

  // The examples are checked with the criteria set chosen above, when there is a choice.
  Array.prototype.forEach.call(document.querySelectorAll('.example-list form'), function (example) {
    example.addEventListener('submit', function () {
      var choice = document.getElementById('criteria');
      if (choice && choice.value) {
        example.action = example.getAttribute('action').split('?')[0] + '?criteria=' + encodeURIComponent(choice.value);
      }
    });
  });

  // The blank 台账 offers the words of the criteria set chosen above, when there is a choice.
  var choice = document.getElementById('criteria');
  var template = document.getElementById('download-template');
  if (choice && template) {
    var followChoice = function () {
      template.href = template.getAttribute('href').split('?')[0]
          + (choice.value ? '?criteria=' + encodeURIComponent(choice.value) : '');
    };
    choice.addEventListener('change', followChoice);
    followChoice();
  }

  input.addEventListener('change', function () {
    dropped = null;
    showChosen();
  });

  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (e) {
      e.preventDefault();
      drop.classList.add('over');
    });
  });
  ['dragleave', 'dragend', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function () {
      drop.classList.remove('over');
    });
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    var files = e.dataTransfer && e.dataTransfer.files;
    if (!files || files.length === 0) {
      return;
    }
    dropped = files[0];
    try {
      input.files = files;
      dropped = null;
    } catch (ignored) {
      // Older browsers cannot set a file input's files; keep the dropped file aside instead.
    }
    showChosen();
  });

  form.addEventListener('submit', function (e) {
    var file = current();
    if (!file) {
      return; // the browser's own "required" message
    }
    e.preventDefault();
    var data = new FormData();
    data.append('package', file, file.name);
    var criteria = document.getElementById('criteria');
    if (criteria && criteria.value) {
      data.append('criteria', criteria.value);
    }
    var asOf = document.getElementById('asOf');
    if (asOf && asOf.value) {
      data.append('asOf', asOf.value);
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable) {
        var pct = Math.floor(ev.loaded / ev.total * 100);
        bar.value = pct;
        status.textContent = '正在上传 ' + pct + '%（' + size(ev.loaded) + ' / ' + size(ev.total) + '）';
      }
    });
    xhr.upload.addEventListener('load', function () {
      bar.removeAttribute('value');
      status.textContent = '上传完成，正在逐项检查…';
    });
    xhr.addEventListener('load', function () {
      var url = xhr.responseURL || '';
      if (xhr.status >= 200 && xhr.status < 300 && url.indexOf('/assessments/') >= 0) {
        status.textContent = '检查完成，正在打开结果…';
        window.location.assign(url);
        return;
      }
      busy(false);
      var doc = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
      var faults = doc.getElementById('faults');
      if (xhr.status === 422 && faults) {
        slot.innerHTML = '';
        slot.appendChild(document.importNode(faults, true));
        slot.scrollIntoView({ behavior: 'smooth', block: 'start' });
        return;
      }
      var title = doc.querySelector('.error-title');
      var detail = doc.querySelector('.error-detail');
      showError(title ? title.textContent : '上传失败（' + xhr.status + '）',
          detail ? detail.textContent : '服务器没有完成检查，请稍后重试。');
    });
    xhr.addEventListener('error', function () {
      busy(false);
      showError('网络连接中断，上传没有完成', '请检查网络后重试。');
    });
    busy(true);
    xhr.send(data);
  });
})();
