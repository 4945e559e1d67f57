// Hostile plan documents, made by the tests themselves (issue 14): a PDF whose one stream inflates
// to hundreds of MB of text operators, a .docx of 3 million paragraphs, a zip-bomb .docx, a plan of
// 5,000 themes, megabytes of numbering-only text.
import { crc32, createDeflate, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** Deflates `total` bytes made of `chunk` repeated, streaming (never holds the inflated data). */
async function deflateRepeated(chunk: Buffer, total: number, raw: boolean): Promise<{ data: Buffer; crc: number; size: number }> {
  const z = raw ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  while (size < total) {
    const piece = size + chunk.length <= total ? chunk : chunk.subarray(0, total - size);
    crc = crc32(piece, crc);
    size += piece.length;
    if (!z.write(piece)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

interface ZipPart {
  name: string;
  data: Buffer; // deflated
  crc: number;
  size: number;
}

function part(name: string, content: string): ZipPart {
  const raw = Buffer.from(content, 'utf8');
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/** A zip of deflated parts (local headers, data, central directory). */
function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(p.crc >>> 0, 16);
    cd.writeUInt32LE(p.data.length, 20);
    cd.writeUInt32LE(p.size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.data);
    central.push(cd, name);
    offset += 30 + name.length + p.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBuf, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docxParts = (body: string): ZipPart[] => [
  part(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
  part('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
];

/** A small .docx with 3 million (empty) paragraphs. */
export function manyParagraphsDocx(count = 3_000_000): Uint8Array {
  return zip(docxParts('<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>' + '<w:p/>'.repeat(count)));
}

/** A ~1 MB .docx with one part that inflates to ~1 GB of zeros. */
export async function zipBombDocx(inflated = 1024 * 1024 * 1024): Promise<Uint8Array> {
  const bomb = await deflateRepeated(Buffer.alloc(1024 * 1024), inflated, true);
  return zip([...docxParts('<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'), { name: 'word/media/image1.png', ...bomb }]);
}

/** A PDF with one page whose content stream (Flate) expands to `inflated` bytes of text operators. */
export async function streamBombPdf(inflated = 400 * 1024 * 1024): Promise<Uint8Array> {
  const ops = Buffer.from('BT /F1 12 Tf 72 720 Td (Noi dung tuyen truyen) Tj ET\n'.repeat(2000), 'latin1');
  const content = await deflateRepeated(ops, inflated, false);
  const objs: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    Buffer.concat([Buffer.from(`<< /Length ${content.data.length} /Filter /FlateDecode >>\nstream\n`), content.data, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  return pdf(objs);
}

/** Serialises numbered objects into a PDF with a correct cross-reference table. */
export function pdf(objs: Buffer[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objs.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A well-formed plan with `count` themes (one bullet each). */
export function manyThemesPlan(count = 5000): string {
  const lines = ['ĐẢNG BỘ TỈNH X', 'Số 01-KH/TU', 'X, ngày 02 tháng 01 năm 2025', 'KẾ HOẠCH', 'tuyên truyền năm 2025', 'I. MỤC ĐÍCH, YÊU CẦU', '- Nâng cao nhận thức.', 'II. NỘI DUNG TUYÊN TRUYỀN'];
  for (let i = 1; i <= count; i++) lines.push(`- Tuyên truyền nội dung số ${i} về phát triển kinh tế - xã hội của tỉnh.`);
  lines.push('III. TỔ CHỨC THỰC HIỆN', '- Các cấp ủy tổ chức thực hiện.');
  return lines.join('\n');
}

/** `bytes` of numbering marks only ("I.- II.- a) b) -"), `perLine` marks a line. */
export function numberingOnly(bytes: number, perLine: number): string {
  const marks = ['I.-', 'II.-', 'a)', 'b)', '-'];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const m = marks[i % marks.length]!;
    out.push(m, (i + 1) % perLine === 0 ? '\n' : ' ');
    n += m.length + 1;
  }
  return out.join('');
}
