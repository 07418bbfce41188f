"""Offline checks of an unpacked E-ARK SIP, for test/register-package.test.ts.

usage: sip-check.py STANDARDS_DIR PACKAGE_ROOT  ->  JSON on stdout

- every METS.xml against mets.xsd + the CSIP and SIP extension schemas (xlink resolved to the
  local copy: no network), and the official CSIP/SIP schematron rules from csipcheck/ with their
  vocabulary placeholders replaced by tests against the vocabulary files;
- erms.xml against ERMS.xsd and erms.sch's co-occurrence rules;
- every mets:file FLocat and mets:mdRef href: the file exists, SIZE and SHA-256 CHECKSUM match.
"""
import glob, hashlib, json, os, re, sys
from lxml import etree, isoschematron

STD, ROOT = sys.argv[1], sys.argv[2]
NS = {'mets': 'http://www.loc.gov/METS/', 'xlink': 'http://www.w3.org/1999/xlink'}
SVRL = '{http://purl.oclc.org/dsdl/svrl}'


class Local(etree.Resolver):
    def resolve(self, url, pubid, context):
        if not url.startswith(('http:', 'https:')):
            return None
        name = url.rsplit('/', 1)[-1]
        path = os.path.join(STD, name)
        if os.path.exists(path):
            return self.resolve_filename(path, context)
        raise OSError('no network: ' + url)


def parser():
    p = etree.XMLParser(no_network=True)
    p.resolvers.add(Local())
    return p


def mets_schema():
    wrapper = f'''<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="http://www.loc.gov/METS/" schemaLocation="file://{STD}/mets.xsd"/>
      <xs:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" schemaLocation="file://{STD}/DILCISExtensionMETS.xsd"/>
      <xs:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS" schemaLocation="file://{STD}/DILCISExtensionSIPMETS.xsd"/>
    </xs:schema>'''
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser()))


def terms(name):
    t = etree.parse(os.path.join(STD, 'csipcheck', 'vocabs', name))
    return [e.text.strip() for e in t.iter('{*}Term') if e.text]


def one_of(attr, values):
    # The validator swaps each placeholder for a test against its vocabulary; this is that test.
    joined = '|' + '|'.join(values) + '|'
    assert "'" not in joined
    return f"contains('{joined}', concat('|', {attr}, '|'))"


def schematron(path):
    text = open(path, encoding='utf-8').read()
    iana = [l.strip() for l in open(os.path.join(STD, 'csipcheck', 'vocabs', 'IANA.txt'), encoding='utf-8') if l.strip()]
    repl = {
        '@TYPE_vocabulary_test': one_of('@TYPE', terms('CSIPVocabularyContentCategory.xml')),
        '@csip:CONTENTINFORMATIONTYPE_vocabulary_test': one_of('@csip:CONTENTINFORMATIONTYPE', terms('CSIPVocabularyContentInformationType.xml')),
        '@csip:OAISPACKAGETYPE_vocabulary_test': one_of('@csip:OAISPACKAGETYPE', terms('CSIPVocabularyOAISPackageType.xml')),
        '@STATUS_vocabulary_test': one_of('@STATUS', terms('CSIPVocabularyStatus.xml')),
        '@MIMETYPE_IANA_test': one_of('@MIMETYPE', iana),
    }
    for k, v in repl.items():
        text = text.replace(k, v.replace('<', '&lt;'))
    assert '_test' not in re.sub(r'id="[^"]*"', '', text), path
    text = text.replace('queryBinding="xslt2"', '')
    return isoschematron.Schematron(etree.fromstring(text.encode()), store_report=True)


RULES = sorted(glob.glob(os.path.join(STD, 'csipcheck', 'schematron', 'V2.1.0', '*', '*.xml')))
COMPILED = [(os.path.relpath(p, os.path.join(STD, 'csipcheck', 'schematron', 'V2.1.0')), schematron(p)) for p in RULES]


def run_rules(doc):
    failed = []
    for name, sch in COMPILED:
        sch.validate(doc)
        for f in sch.validation_report.iter(SVRL + 'failed-assert'):
            failed.append({'rules': name, 'id': f.get('id'), 'role': f.get('role'), 'location': f.get('location')})
    return failed


def sha256(path):
    return hashlib.sha256(open(path, 'rb').read()).hexdigest()


def references(mets_path, doc):
    base = os.path.dirname(mets_path)
    out = []
    for el in doc.iterfind('.//mets:file', NS):
        loc = el.find('mets:FLocat', NS)
        out.append((el, loc.get('{http://www.w3.org/1999/xlink}href') if loc is not None else None))
    for el in doc.iterfind('.//mets:mdRef', NS):
        out.append((el, el.get('{http://www.w3.org/1999/xlink}href')))
    result = []
    for el, href in out:
        target = os.path.normpath(os.path.join(base, href or ''))
        ok = bool(href) and target.startswith(os.path.abspath(ROOT)) and os.path.isfile(target)
        result.append({
            'href': href,
            'exists': ok,
            'size': ok and int(el.get('SIZE', '-1')) == os.path.getsize(target),
            'sha256': ok and el.get('CHECKSUMTYPE') == 'SHA-256' and el.get('CHECKSUM', '').lower() == sha256(target),
        })
    return result


report = {'mets': {}, 'erms': None}
schema = mets_schema()
for path in sorted(glob.glob(os.path.join(os.path.abspath(ROOT), '**', 'METS.xml'), recursive=True)):
    doc = etree.parse(path, parser())
    valid = schema.validate(doc)
    report['mets'][os.path.relpath(path, ROOT)] = {
        'valid': valid,
        'errors': [str(e) for e in schema.error_log][:20],
        'failed': run_rules(doc),
        'references': references(path, doc),
    }

erms_path = os.path.join(ROOT, 'metadata', 'descriptive', 'erms.xml')
if os.path.exists(erms_path):
    erms_schema = etree.XMLSchema(etree.parse(os.path.join(STD, 'ERMS.xsd'), parser()))
    doc = etree.parse(erms_path, parser())
    sch = schematron(os.path.join(STD, 'csipcheck', 'erms', 'erms.sch'))
    report['erms'] = {
        'valid': erms_schema.validate(doc),
        'errors': [str(e) for e in erms_schema.error_log][:20],
        'schematron': sch.validate(doc),
    }
print(json.dumps(report, ensure_ascii=False, indent=1))
