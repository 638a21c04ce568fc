#!/usr/bin/env python3
"""Issue 18's benchmark case: the municipalities of a federal survey (~2,300 local governments).

Driven by tests/perf/municipalities.sh (read its header). Generates a deterministic CSV of N
municipalities (Latin-1, ";", es-AR thousands, as an Argentine spreadsheet exports it), uploads it
through the import page, confirms it, imports it again (all unchanged) and once more with a tenth
of the populations changed; then times the pages that list municipalities at that size and the
band editor that recategorizes all of them. Prints one line per step (median of a few GETs) with the
response size; nothing is asserted.
"""
import argparse
import os
import random
import re
import statistics
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from perf import Database, Portal, Session, forms, log, request  # noqa: E402

PROVINCES = ["Buenos Aires", "Catamarca", "Chaco", "Chubut", "Córdoba", "Corrientes", "Entre Ríos", "Formosa", "Jujuy",
             "La Pampa", "La Rioja", "Mendoza", "Misiones", "Neuquén", "Río Negro", "Salta", "San Juan", "San Luis",
             "Santa Cruz", "Santa Fe", "Santiago del Estero", "Tierra del Fuego", "Tucumán"]


class DevelopmentPortal(Portal):
    """As the reliability scripts run it: Development (plain http cookies, demo accounts), sign-in limits lifted."""

    def settings(self):
        return [setting.replace("--environment=Production", "--environment=Development") for setting in super().settings()]


def es_ar(number):
    return f"{number:,}".replace(",", ".")


def csv_bytes(count, changed_every=0):
    """The same rows for the same count (seeded); every changed_every-th row gets another population."""
    rng = random.Random(18)
    lines = ["Código;Nombre;Provincia;Población"]
    for i in range(1, count + 1):
        population = int(rng.lognormvariate(9.3, 1.4)) + 500
        if changed_every and i % changed_every == 0:
            population += 1
        lines.append(f"{900000 + i:06d};Municipio Sintético Ñandú {i:04d};{PROVINCES[i % len(PROVINCES)]};{es_ar(population)}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def multipart(fields, file_field, file_name, content):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode("utf-8"))
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\nContent-Type: text/csv\r\n\r\n'.encode("utf-8") + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode("utf-8"))
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def timed(action):
    started = time.monotonic()
    result = action()
    return time.monotonic() - started, result


def import_file(session, content):
    _, page = session.call("GET", "/admin/municipios/importar")
    token = next(f for f in forms(page) if f["action"] == "/admin/municipios/importar")["fields"]
    body, content_type = multipart(token, "archivo", "municipios.csv", content)
    headers = {"Cookie": session.header(), "Content-Type": content_type}
    preview_s, (status, _, preview) = timed(lambda: request(session.port, "POST", "/admin/municipios/importar", headers, body))
    preview = preview.decode("utf-8")
    if status != 200:
        raise SystemExit(f"La vista previa respondió {status}")
    counts = {kind: re.search(rf'class="import-{kind}">([\d.]+)<', preview).group(1) for kind in ("new", "changed", "unchanged", "invalid")}
    confirm = next(f for f in forms(preview) if f["action"] == "/admin/municipios/importar/confirmar")["fields"]
    confirm_s, (status, _) = timed(lambda: session.call("POST", "/admin/municipios/importar/confirmar", list(confirm.items())))
    if status != 302:
        raise SystemExit(f"La confirmación respondió {status}")
    return preview_s, confirm_s, counts, len(preview)


def get(session, path, runs=5):
    times, size = [], 0
    for _ in range(runs):
        seconds, (status, page) = timed(lambda: session.call("GET", path))
        if status != 200:
            raise SystemExit(f"GET {path} respondió {status}")
        times.append(seconds)
        size = len(page.encode("utf-8"))
    return statistics.median(times), size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--count", type=int, default=2300)
    args = parser.parse_args()
    data = os.path.join(args.work, "sqlite")
    os.makedirs(data, exist_ok=True)
    sqlite_path = os.path.join(data, "municipios.db")
    portal = DevelopmentPortal(args, "Sqlite", f"Data Source={sqlite_path}", data, 5592)
    database = Database("Sqlite", f"Data Source={sqlite_path}", sqlite_path)
    portal.start(["--Seed:Demo=true"])
    try:
        admin = Session(portal.port).sign_in("admin@programa.example", "Innovacion-2021")
        print(f"Municipios: {args.count} filas generadas (Latin-1, «;», población «12.345»), SQLite, un proceso Release en 127.0.0.1\n")
        print(f"{'paso':58} {'segundos':>9} {'KB':>8}  filas")
        for label, content in [
            ("importar: vista previa + confirmar (todos nuevos)", csv_bytes(args.count)),
            ("importar de nuevo el mismo archivo (sin cambios)", csv_bytes(args.count)),
            ("importar con 1 de cada 10 poblaciones cambiadas", csv_bytes(args.count, changed_every=10)),
        ]:
            preview_s, confirm_s, counts, size = import_file(admin, content)
            print(f"{label + ' · vista previa':58} {preview_s:9.2f} {size / 1024:8.0f}  {counts}")
            print(f"{label + ' · confirmar':58} {confirm_s:9.2f}")
        total = database.rows("SELECT COUNT(*) FROM Municipalities")[0][0]
        edition = database.rows("SELECT e.Id FROM Editions e JOIN SurveyCampaigns c ON c.EditionId = e.Id ORDER BY e.Id LIMIT 1")[0][0]
        pages = [
            ("lista de municipios, página 1", "/admin/municipios"),
            ("lista de municipios, página 12", "/admin/municipios?pagina=12"),
            ("lista de municipios, búsqueda «Ñandú 12»", "/admin/municipios?buscar=%C3%91and%C3%BA%2012"),
            ("relevamiento: distribución + enlaces (página 1)", f"/admin/ediciones/{edition}/relevamiento"),
            ("relevamiento, filtrado por provincia", f"/admin/ediciones/{edition}/relevamiento?provincia=Chaco"),
            ("exportación del relevamiento (CSV)", f"/admin/ediciones/{edition}/relevamiento/exportar?formato=csv"),
            ("selección (matriz categoría × nivel)", f"/admin/ediciones/{edition}/seleccion"),
            ("categorías (conteos por franja)", "/admin/municipios/categorias"),
        ]
        for label, path in pages:
            seconds, size = get(admin, path)
            print(f"{label:58} {seconds:9.3f} {size / 1024:8.0f}  mediana de 5")
        _, page = admin.call("GET", "/admin/municipios/categorias")
        fields = next(f for f in forms(page) if f["action"] == "/admin/municipios/categorias")["fields"]
        for small, intermediate in [("20.000", "150.000"), ("50.000", "200.000")]:
            fields.update({"Form.SmallMax": small, "Form.IntermediateMax": intermediate})
            seconds, (status, _) = timed(lambda: admin.call("POST", "/admin/municipios/categorias", list(fields.items())))
            if status != 302:
                raise SystemExit(f"Guardar las categorías respondió {status}")
            print(f"{'categorías ' + small + ' / ' + intermediate + ': recategorizar todos':58} {seconds:9.3f}")
        print(f"\n{total} municipios en la base al terminar.")
    finally:
        portal.stop()


if __name__ == "__main__":
    main()
