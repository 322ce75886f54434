// Stylesheets are bundled by the build (Vite); importing one only adds it to the page.
declare module '*.css';
